// A scripted node:http server on 127.0.0.1 for runtime tests: replies in order, records what it saw.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** Writes the reply to the index-th request. */
export type Reply = (
  res: http.ServerResponse,
  req: SeenRequest,
  index: number,
) => void | Promise<void>;

/** A running test server. */
export interface TestServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a server; request i gets replies[i] (the last reply repeats). */
export async function startServer(...replies: Reply[]): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const seen: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        text: body.toString("utf8"),
      };
      const index = requests.push(seen) - 1;
      const reply = replies[Math.min(index, replies.length - 1)] ?? json(200, {});
      void Promise.resolve(reply(res, seen, index)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
}

/** A raw reply with any body text. */
export function raw(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, headers);
    res.end(text);
  };
}

/** Headers and half a body, then the socket is destroyed. */
export function cutOff(status = 200): Reply {
  return (res) => {
    res.writeHead(status, { "content-type": "application/json", "content-length": "1000" });
    res.write('{"items": [1, 2, ');
    setTimeout(() => res.socket?.destroy(), 20);
  };
}

/** Replies after `ms` (or never, when the socket closes first). */
export function slow(ms: number, reply: Reply): Reply {
  return (res, req, index) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(reply(res, req, index)), ms);
      res.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
}

/** A port on 127.0.0.1 that nothing listens on (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
