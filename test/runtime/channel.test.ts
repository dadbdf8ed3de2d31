// WebSocket channels against a real WebSocket server (ws) on 127.0.0.1, scripted like
// TensorPool's job push/listen (apis.md §1.4): handshake, commands answered by the caller's
// handler, ending messages, close codes, aborts, bad JSON and a refused key.
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import {
  ChannelError,
  ChannelFailedError,
  ChannelLostError,
  ChannelRefusedError,
} from "../../templates/runtime/channel-errors.js";
import type { Channel } from "../../templates/runtime/channel.js";
import { Transport } from "../../templates/runtime/transport.js";
import { openChannel } from "../../templates/runtime/call-channel.js";
import type { ChannelSpec } from "../../templates/runtime/types.js";
import { startWsServer, tensorPoolListen, tensorPoolPush } from "./helpers/ws-server.js";
import type { TestWsServer } from "./helpers/ws-server.js";

let server: TestWsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const closeCodes = [
  { code: 1000, outcome: "normal", meaning: "job submitted" },
  { code: 1006, outcome: "lost", meaning: "connection lost; the job may still be running" },
  { code: 1008, outcome: "refused", meaning: "the key was refused" },
] as const;

const push: ChannelSpec = {
  id: "pushJob",
  path: "/job/push",
  params: [],
  authField: "TENSORPOOL_KEY",
  hasOpenMessage: true,
  request: { field: "command", handler: "onCommand" },
  idField: "job_id",
  result: "id",
  closeCodes,
};

const listen: ChannelSpec = {
  id: "listenJob",
  path: "/job/listen/{job_id}",
  params: [{ name: "job_id", in: "path" }],
  authField: "TENSORPOOL_KEY",
  hasOpenMessage: false,
  idField: "job_id",
  end: { field: "status", success: ["success"], failure: ["error"] },
  result: "end",
  closeCodes,
};

const job = {
  tp_config: "commands = []",
  cluster_id: "c1",
  teardown_cluster: false,
  system: "Linux",
};

function transport(url: string, apiKey = "tp-secret-key"): Transport {
  return new Transport({ apiKey, WebSocket }, { baseUrl: url });
}

interface CommandMessage {
  command: string;
  command_show_stdout?: boolean;
}

describe("push (commands answered by the caller)", () => {
  it("sends the key first, never in the URL, then the job; answers each command with the handler's result; resolves to the job id", async () => {
    server = await startWsServer(
      tensorPoolPush({ jobId: "job-42", commands: ["rsync a b", "echo hi"] }),
    );
    const seen: string[] = [];
    const onCommand = async (message: CommandMessage) => {
      seen.push(message.command);
      return {
        type: "command_result",
        command: message.command,
        exit_code: 0,
        command_stdout: `ran ${message.command}`,
        command_stderr: "",
      };
    };
    const messages: unknown[] = [];
    const channel = openChannel<unknown, unknown, string>(transport(server.url), push, job, {
      onCommand,
      onMessage: (m) => messages.push(m),
    });
    expect(await channel).toBe("job-42");
    expect(channel.id).toBe("job-42");
    expect(seen).toEqual(["rsync a b", "echo hi"]);
    expect(server.urls[0]).toBe("/job/push");
    expect(server.received[0]).toEqual([
      { TENSORPOOL_KEY: "tp-secret-key" },
      job,
      {
        type: "command_result",
        command: "rsync a b",
        exit_code: 0,
        command_stdout: "ran rsync a b",
        command_stderr: "",
      },
      {
        type: "command_result",
        command: "echo hi",
        exit_code: 0,
        command_stdout: "ran echo hi",
        command_stderr: "",
      },
    ]);
    expect(messages).toHaveLength(4);
  });

  it("fails with a clear error when the server sends a command and no handler was given", async () => {
    server = await startWsServer(tensorPoolPush({ commands: ["rm -rf /tmp/x"] }));
    const error = await openChannel(transport(server.url), push, job).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as Error).message).toMatch(
      /no onCommand handler was given \(the client never runs anything itself\)/,
    );
    expect((error as ChannelError).id).toBe("job-1");
    // Nothing was sent back for the command.
    expect(server.received[0]).toHaveLength(2);
  });

  it("raises ChannelLostError with the job id learned when the connection drops (1006)", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      await connection.next();
      connection.send({ message: "Job submitted", job_id: "job-7" });
      setTimeout(() => connection.drop(), 20);
    });
    const error = await openChannel(transport(server.url), push, job).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelLostError);
    expect((error as ChannelLostError).code).toBe(1006);
    expect((error as ChannelLostError).id).toBe("job-7");
    expect((error as Error).message).toContain("the job may still be running");
    expect((error as Error).message).toContain("job-7");
  });

  it("raises ChannelRefusedError when the server refuses the key, which never shows in the error", async () => {
    server = await startWsServer(tensorPoolPush({ key: "the-right-key" }));
    const error = await openChannel(transport(server.url, "a-wrong-key-123"), push, job).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelRefusedError);
    expect((error as ChannelRefusedError).code).toBe(1008);
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain("a-wrong-key-123");
  });

  it("raises ChannelError naming the problem when the server sends something that is not JSON", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      await connection.next();
      connection.sendRaw("<html>oops");
    });
    const error = await openChannel(transport(server.url), push, job).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as Error).message).toContain("not a JSON object");
  });

  it("refuses to open without a key", async () => {
    server = await startWsServer(tensorPoolPush());
    const error = await openChannel(transport(server.url, ""), push, job).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelRefusedError);
    expect(server.urls).toHaveLength(0);
  });
});

describe("listen (messages until an ending one)", () => {
  it("yields {status, message} until success, then resolves to the ending message and closes", async () => {
    server = await startWsServer(tensorPoolListen(["step 1", "step 2"]));
    const channel = openChannel<{ status: string; message: string }, never, unknown>(
      transport(server.url),
      listen,
      "job-9",
    );
    const seen: string[] = [];
    for await (const message of channel) seen.push(`${message.status}: ${message.message}`);
    expect(seen).toEqual(["running: step 1", "running: step 2", "success: Job completed"]);
    expect(await channel).toEqual({ status: "success", message: "Job completed" });
    expect(server.urls[0]).toBe("/job/listen/job-9");
    expect(server.received[0]).toEqual([{ TENSORPOOL_KEY: "tp-secret-key" }]);
  });

  it("rejects with ChannelFailedError carrying the message when the job ends in error, after yielding it", async () => {
    server = await startWsServer(tensorPoolListen(["step 1"], "error"));
    const channel = openChannel(transport(server.url), listen, "job-9");
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const message of channel) seen.push(message);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(ChannelFailedError);
    expect((error as ChannelFailedError).data).toEqual({
      status: "error",
      message: "Job failed: exit code 1",
    });
  });

  it("raises ChannelLostError mid-stream (1006) after the messages that arrived", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      connection.send({ status: "running", message: "step 1" });
      setTimeout(() => connection.drop(), 20);
    });
    const channel = openChannel(transport(server.url), listen, "job-9");
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const message of channel) seen.push(message);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ status: "running", message: "step 1" }]);
    expect(error).toBeInstanceOf(ChannelLostError);
  });

  it("a normal close before the ending message is an error, not a success", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      connection.send({ status: "running", message: "step 1" });
      connection.close(1000);
    });
    await expect(openChannel(transport(server.url), listen, "job-9")).rejects.toThrow(
      /ending message never came/,
    );
  });

  it("aborts with an AbortSignal: the socket closes, iteration rejects with the reason", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      connection.send({ status: "running", message: "step 1" });
    });
    const controller = new AbortController();
    const channel = openChannel(transport(server.url), listen, "job-9", {
      signal: controller.signal,
    });
    const error = await (async () => {
      for await (const message of channel) {
        void message;
        controller.abort(new Error("stop listening"));
      }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe("stop listening");
    await expect(channel).rejects.toThrow("stop listening");
  });

  it("close() and break end iteration quietly", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      connection.send({ status: "running", message: "step 1" });
      connection.send({ status: "running", message: "step 2" });
    });
    const channel: Channel<unknown, never, unknown> = openChannel(
      transport(server.url),
      listen,
      "job-9",
    );
    const seen: unknown[] = [];
    for await (const message of channel) {
      seen.push(message);
      break;
    }
    expect(seen).toHaveLength(1);
    await expect(channel).rejects.toThrow(/before the channel ended/);
  });

  it("keeps a quiet channel alive with pings while pongs come back", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      connection.send({ status: "success", message: "done" });
    });
    const quick = { ...listen, pingIntervalMs: 20, pingTimeoutMs: 40 };
    expect(await openChannel(transport(server.url), quick, "job-9")).toEqual({
      status: "success",
      message: "done",
    });
  });

  it("counts the connection as lost (1006) when pings go unanswered", async () => {
    server = await startWsServer(
      async (connection) => {
        await connection.next();
        connection.send({ status: "running", message: "step 1" });
      },
      undefined,
      { autoPong: false },
    );
    const quick = { ...listen, pingIntervalMs: 20, pingTimeoutMs: 40 };
    const error = await openChannel(transport(server.url), quick, "job-9").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelLostError);
    expect((error as ChannelLostError).code).toBe(1006);
  });

  it("says what to do when there is no WebSocket in the runtime", async () => {
    const bare = new Transport({ apiKey: "k" }, { baseUrl: "http://127.0.0.1:9" });
    const hasGlobal = typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function";
    if (hasGlobal) return;
    await expect(openChannel(bare, listen, "job-9")).rejects.toThrow(
      /pass one as the WebSocket client option/,
    );
  });
});
