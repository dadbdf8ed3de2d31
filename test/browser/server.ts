// Two local servers on 127.0.0.1 for the browser suite: the page (origin A: HTML and the bundled
// clients) and a scripted API (origin B) behind CORS, so every call the clients make from the page
// is cross-origin, as it is for users of the clients in a web app.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { WebSocketServer } from "ws";
import { runScript, tensorPoolListen, tensorPoolPush } from "../runtime/helpers/ws-server.js";

export interface Servers {
  pageUrl: string;
  apiUrl: string;
  /** Times (ms since epoch) at which each status poll arrived, per request id. */
  polls: Map<string, number[]>;
  /** Requests the API saw: "METHOD path?query". */
  seen: string[];
  /** Messages each WebSocket connection received, in connection order. */
  received: unknown[][];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    });
  });
}

export async function startServers(bundle: string): Promise<Servers> {
  const polls = new Map<string, number[]>();
  const seen: string[] = [];
  const page = createServer((req, res) => {
    if (req.url === "/clients.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      res.end(bundle);
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(
      '<!doctype html><meta charset="utf-8"><title>clientgen</title><script src="/clients.js"></script>',
    );
  });
  const api = createServer((req, res) => handleApi(req, res, polls, seen));
  // TensorPool's job channels on the API origin (WebSockets are not bound by CORS).
  const received: unknown[][] = [];
  const wss = new WebSocketServer({ server: api });
  wss.on("connection", (socket, req) => {
    seen.push(`WS ${req.url}`);
    const script =
      req.url === "/job/push"
        ? tensorPoolPush({
            jobId: "j-browser",
            commands: ["rsync ./ host:/job"],
            key: "browser-key",
          })
        : tensorPoolListen(["epoch 1"]);
    received.push(runScript(socket, req.url ?? "", script));
  });
  const [pageUrl, apiUrl] = await Promise.all([listen(page), listen(api)]);
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const closeSockets = () =>
    new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    });
  return {
    pageUrl,
    apiUrl,
    polls,
    seen,
    received,
    close: async () =>
      void (await Promise.all([close(page), closeSockets().then(() => close(api))])),
  };
}

function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  polls: Map<string, number[]>,
  seen: string[],
): void {
  const origin = req.headers.origin ?? "*";
  const cors = {
    "Access-Control-Allow-Origin": origin,
    Vary: "Origin",
    // Without this the browser hides Retry-After from the client (only CORS-safelisted headers show).
    "Access-Control-Expose-Headers": "Retry-After, X-Request-Id",
  };
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      ...cors,
      "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
      "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "",
      "Access-Control-Max-Age": "600",
    });
    res.end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://api");
  seen.push(`${req.method} ${url.pathname}${url.search}`);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...cors, "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  // ---- Streams fixture: server-sent events split across writes (no auth) --------------------
  if (req.method === "GET" && url.pathname === "/events") {
    res.writeHead(200, { ...cors, "Content-Type": "text/event-stream" });
    const text = Buffer.from('data: {"kind":"héllo"}\n\nid: 2\ndata: {"kind":\ndata: "two"}\n\n');
    res.write(text.subarray(0, 15)); // inside the é
    setTimeout(() => res.end(text.subarray(15)), 50);
    return;
  }

  if (req.headers.authorization !== "Bearer browser-key")
    return json(401, { detail: "Not authenticated" });

  // ---- TensorPool: a plain call, an error, a long-running operation honouring Retry-After ----
  if (req.method === "GET" && url.pathname === "/cluster/list") {
    return json(200, [{ cluster_id: "c-1", status: "running" }], { "X-Request-Id": "req-list" });
  }
  if (req.method === "GET" && url.pathname === "/request/info/missing") {
    return json(404, { detail: "Request not found" }, { "X-Request-Id": "req-404" });
  }
  if (req.method === "POST" && url.pathname === "/cluster/create") {
    return json(202, { request_id: "op-1", cluster_id: "c-2", message: "accepted" });
  }
  // A same-origin redirect: the runtime's redirect: "manual" sees an opaque redirect in browsers and
  // (a GET with only Authorization to protect) sends it again with redirect: "follow".
  if (req.method === "GET" && url.pathname === "/request/info/moved") {
    res.writeHead(302, { ...cors, Location: "/request/info/moved-here" });
    res.end();
    return;
  }
  if (req.method === "GET" && url.pathname === "/request/info/moved-here") {
    return json(200, { request_id: "moved-here", status: "COMPLETED" });
  }
  const poll = /^\/request\/info\/([^/]+)$/.exec(url.pathname);
  if (req.method === "GET" && poll) {
    const times = polls.get(poll[1]) ?? [];
    times.push(Date.now());
    polls.set(poll[1], times);
    if (times.length < 3)
      return json(
        200,
        { request_id: poll[1], status: "PENDING", external_message: `step ${times.length}` },
        { "Retry-After": "1" },
      );
    return json(200, { request_id: poll[1], status: "COMPLETED", external_message: "done" });
  }

  // ---- TensorOne: page pagination, and a slow answer to abort ---------------------------------
  if (req.method === "GET" && url.pathname === "/v1/clusters") {
    const page = Number(url.searchParams.get("page") ?? "1");
    const clusters = [1, 2].map((n) => ({
      id: `cl-${page}-${n}`,
      name: `cluster ${page}.${n}`,
      status: "running",
    }));
    return json(200, {
      success: true,
      data: {
        clusters,
        pagination: { page, limit: 2, total_count: 6, total_pages: 3, has_next: page < 3 },
      },
    });
  }
  if (req.method === "GET" && url.pathname === "/v1/clusters/slow") {
    const timer = setTimeout(() => json(200, { success: true, data: { id: "slow" } }), 10_000);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  json(404, { detail: `no route ${req.method} ${url.pathname}` });
}
