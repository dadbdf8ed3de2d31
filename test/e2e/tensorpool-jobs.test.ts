// TensorPool's job workflow with the generated client alone, against one local server that speaks
// REST and WebSocket like the engine (apis.md §1.4, the official CLI): push a job with an
// onCommand handler written here, listen to its output to the end, pull its files.
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { WebSocket } from "ws";
import {
  ChannelError,
  ChannelLostError,
  ChannelRefusedError,
  createTensorPoolClient,
} from "../../generated/tensorpool/index.js";
import type { PushJobClientMessage, PushJobRequest } from "../../generated/tensorpool/index.js";

import {
  startWsServer,
  tensorPoolListen,
  tensorPoolPush,
  type TestWsServer,
} from "../runtime/helpers/ws-server.js";

const apiKey = "tp-secret-key-123";
let server: TestWsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function clientFor(url: string, key = apiKey) {
  // Node 20 has no global WebSocket: users pass the ws package's.
  return createTensorPoolClient({ baseUrl: url, apiKey: key, WebSocket });
}

const job = {
  tp_config: 'commands = ["python train.py"]',
  cluster_id: "c-1",
  teardown_cluster: false,
  system: "Linux",
};

/** What a user writes: run the command their own way (here: pretend), answer with its result. */
async function onCommand(message: PushJobRequest): Promise<PushJobClientMessage> {
  return {
    type: "command_result",
    command: message.command,
    exit_code: 0,
    command_stdout: "synced 3 files",
    command_stderr: "",
  };
}

describe("TensorPool job workflow", () => {
  it("push (commands answered by onCommand) -> listen to the end -> pull", async () => {
    const pulls: string[] = [];
    server = await startWsServer(
      async (connection) => {
        if (connection.url === "/job/push")
          return tensorPoolPush({ jobId: "j-77", commands: ["rsync -a ./ host:/job"] })(connection);
        return tensorPoolListen(["epoch 1", "epoch 2"])(connection);
      },
      (req, res) => {
        pulls.push(`${req.method} ${req.url} ${req.headers.authorization}`);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            message: "2 files",
            download_map: { "out/model.pt": "https://s3.example/model" },
          }),
        );
      },
    );
    const client = clientFor(server.url);

    const pushed = client.pushJob(job, { onCommand });
    const jobId = await pushed;
    expectTypeOf(jobId).toEqualTypeOf<string>();
    expect(jobId).toBe("j-77");

    const lines: string[] = [];
    const listening = client.listenJob(jobId);
    for await (const { status, message } of listening) lines.push(`${status}: ${message}`);
    expect(lines).toEqual(["running: epoch 1", "running: epoch 2", "success: Job completed"]);
    expect(await listening).toEqual({ status: "success", message: "Job completed" });

    const pulled = await client.pullJob({ job_id: jobId });
    expect(pulled.download_map).toEqual({ "out/model.pt": "https://s3.example/model" });

    expect(server.urls).toEqual(["/job/push", "/job/listen/j-77"]);
    // The key went in the first message of each channel and in the REST header, never in a URL.
    expect(server.received.map((messages) => messages[0])).toEqual([
      { TENSORPOOL_KEY: apiKey },
      { TENSORPOOL_KEY: apiKey },
    ]);
    expect(server.received[0][1]).toEqual(job);
    expect(server.received[0][2]).toEqual({
      type: "command_result",
      command: "rsync -a ./ host:/job",
      exit_code: 0,
      command_stdout: "synced 3 files",
      command_stderr: "",
    });
    expect(pulls).toEqual([`GET /job/pull/j-77 Bearer ${apiKey}`]);
    expect(server.urls.join(" ")).not.toContain(apiKey);
  });

  it("a push without onCommand fails clearly when the server sends a command, and runs nothing", async () => {
    server = await startWsServer(tensorPoolPush({ commands: ["rm -rf ~"] }));
    await expect(clientFor(server.url).pushJob(job)).rejects.toThrow(
      /no onCommand handler was given/,
    );
  });

  it("a dropped connection (1006) says the job may still be running, with its id", async () => {
    server = await startWsServer(async (connection) => {
      await connection.next();
      connection.send({ status: "running", message: "epoch 1" });
      setTimeout(() => connection.drop(), 20);
    });
    const error = await clientFor(server.url)
      .listenJob("j-5")
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ChannelLostError);
    expect((error as Error).message).toContain("the job may still be running");
  });

  it("a refused key is a ChannelRefusedError that never shows the key", async () => {
    server = await startWsServer(tensorPoolPush({ key: "another-key-456" }));
    const error = await clientFor(server.url)
      .pushJob(job, { onCommand })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ChannelRefusedError);
    expect(error).toBeInstanceOf(ChannelError);
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(apiKey);
  });
});
