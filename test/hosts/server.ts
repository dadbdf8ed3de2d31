// The API every host program talks to, on 127.0.0.1: a job (plain call), a missing job (an error),
// a job that runs for one poll then succeeds (a poller), and two pages of jobs (pagination).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What every host program prints when each of the four calls behaved. */
export const expectedLine = JSON.stringify({
  job: "succeeded",
  error: "NotFoundError 404",
  waited: "succeeded",
  items: ["a", "b", "c"],
});

export async function startJobsServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const polls = new Map<string, number>();
  let started = 0;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: unknown) => {
      response.writeHead(status, {
        "content-type": "application/json",
        "access-control-allow-origin": "*",
      });
      response.end(JSON.stringify(body));
    };
    const job = /^\/jobs\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (request.method === "GET" && job === "j1")
      return send(200, { id: "j1", status: "succeeded" });
    if (request.method === "GET" && job?.startsWith("started-")) {
      const count = (polls.get(job) ?? 0) + 1;
      polls.set(job, count);
      return send(200, { id: job, status: count < 2 ? "running" : "succeeded" });
    }
    if (request.method === "GET" && job !== undefined)
      return send(404, { message: `no job ${job}` });
    if (request.method === "POST" && url.pathname === "/jobs") {
      request.resume();
      return request.on("end", () => send(202, { job_id: `started-${++started}` }));
    }
    if (request.method === "GET" && url.pathname === "/jobs") {
      if (url.searchParams.get("cursor") === "page-2")
        return send(200, { items: [{ id: "c", status: "queued" }], next_cursor: null });
      return send(200, {
        items: [
          { id: "a", status: "queued" },
          { id: "b", status: "running" },
        ],
        next_cursor: "page-2",
      });
    }
    send(404, { message: "no route" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
