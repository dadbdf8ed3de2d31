// A scripted WebSocket server (ws) on 127.0.0.1 for channel tests: each connection runs a script
// that reads the client's messages in order and answers, closes or drops the connection.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";

/** One connection as a script sees it. */
export interface WsConnection {
  /** The request path (with query), e.g. "/job/listen/j1". */
  readonly url: string;
  /** The next message from the client, parsed as JSON. */
  next(): Promise<unknown>;
  send(message: unknown): void;
  sendRaw(text: string): void;
  close(code?: number, reason?: string): void;
  /** Drops the TCP connection without a close frame: the client sees 1006. */
  drop(): void;
}

export interface TestWsServer {
  /** http://127.0.0.1:port, the base URL a client is given (it connects with ws://). */
  readonly url: string;
  /** Every message received, per connection, in order. */
  readonly received: unknown[][];
  readonly urls: string[];
  close(): Promise<void>;
}

/** Starts the server; `http` answers plain HTTP requests on the same port (a REST + WebSocket API). */
export async function startWsServer(
  script: (connection: WsConnection) => Promise<void>,
  http: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    res.writeHead(404).end(),
  options: { autoPong?: boolean } = {},
): Promise<TestWsServer> {
  const server = createServer(http);
  // autoPong false: a server that never answers pings (a dead peer, as keepalive sees it).
  const wss = new WebSocketServer({ server, autoPong: options.autoPong ?? true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const received: unknown[][] = [];
  const urls: string[] = [];
  wss.on("connection", (socket: WebSocket, request) => {
    urls.push(request.url ?? "");
    received.push(runScript(socket, request.url ?? "", script));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    urls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
      }),
  };
}

/** The official CLI's push protocol (apis.md §1.4), scripted: key, job, commands, close 1000. */
export function tensorPoolPush(
  options: { jobId?: string; commands?: string[]; key?: string } = {},
) {
  return async (connection: WsConnection): Promise<void> => {
    const auth = (await connection.next()) as { TENSORPOOL_KEY?: string };
    if (options.key !== undefined && auth.TENSORPOOL_KEY !== options.key)
      return connection.close(1008, "invalid API key");
    await connection.next(); // the job: tp_config, cluster_id, teardown_cluster, system
    connection.send({ message: "Job submitted", job_id: options.jobId ?? "job-1" });
    for (const command of options.commands ?? []) {
      connection.send({ command, command_show_stdout: true });
      await connection.next(); // the command_result
    }
    connection.send({ message: "Job running" });
    connection.close(1000);
  };
}

/** The official CLI's listen protocol: key, then {status, message} until success or error. */
export function tensorPoolListen(lines: string[], final: "error" | "success" = "success") {
  return async (connection: WsConnection): Promise<void> => {
    await connection.next();
    for (const line of lines) connection.send({ status: "running", message: line });
    connection.send({
      status: final,
      message: final === "success" ? "Job completed" : "Job failed: exit code 1",
    });
  };
}

/** Runs `script` on one accepted socket; returns the log of messages it receives (filled as they come). */
export function runScript(
  socket: WebSocket,
  url: string,
  script: (connection: WsConnection) => Promise<void>,
): unknown[] {
  const log: unknown[] = [];
  const inbox: unknown[] = [];
  let waiting: ((message: unknown) => void) | undefined;
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as unknown;
    log.push(message);
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(message);
    } else inbox.push(message);
  });
  const connection: WsConnection = {
    url,
    next: () =>
      inbox.length > 0
        ? Promise.resolve(inbox.shift())
        : new Promise((resolve) => (waiting = resolve)),
    send: (message) => socket.send(JSON.stringify(message)),
    sendRaw: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
    drop: () => socket.terminate(),
  };
  void script(connection).catch(() => socket.terminate());
  return log;
}
