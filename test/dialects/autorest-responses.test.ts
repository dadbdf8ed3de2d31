// AutoRest's response rule end to end: in a document written for AutoRest (it speaks x-ms-*), a
// declared 4XX is a result unless `x-ms-error-response: true` marks it; in any other document a
// declared 4XX stays an error. The result type, the descriptor and the runtime agree.
import { beforeAll, describe, expect, it } from "vitest";
import { json, raw } from "../runtime/helpers/http-server.js";
import { generateClient, serverPool, type GeneratedClient } from "./helpers.js";

let autorest: GeneratedClient;
let plain: GeneratedClient;
beforeAll(async () => {
  autorest = await generateClient("autorest-responses.yaml");
  plain = await generateClient("plain-responses.yaml");
});
const serve = serverPool();
const empty = (status: number) => raw(status, "", {});

describe("AutoRest documents: a declared 4XX is a result", () => {
  it("a HEAD's declared 404 resolves (the Azure existence check), its status on .withResponse()", async () => {
    const server = await serve(empty(404));
    const client = autorest.mod.createAutoRestResponsesClient({ baseUrl: server.url });
    const answer = await client.thingsCheckExistence({ name: "a" }).withResponse();
    expect(answer.status).toBe(404);
  });

  it("a GET's declared 404 resolves with its body, typed in the result union", async () => {
    const server = await serve(json(404, { deletedAt: "yesterday" }));
    const client = autorest.mod.createAutoRestResponsesClient({ baseUrl: server.url });
    await expect(client.thingsGet({ name: "a" })).resolves.toEqual({ deletedAt: "yesterday" });
    expect(autorest.client).toMatch(/thingsGet\([^)]*\): ApiPromise<T\.Thing \| T\.Tombstone>/s);
  });

  it("x-ms-error-response: true keeps a declared status an error; undeclared ones are errors too", async () => {
    const server = await serve(json(409, { code: "Busy" }), json(400, { code: "Bad" }));
    const client = autorest.mod.createAutoRestResponsesClient({ baseUrl: server.url });
    await expect(client.thingsGet({ name: "a" })).rejects.toMatchObject({
      status: 409,
      body: { code: "Busy" },
    });
    await expect(client.thingsGet({ name: "a" })).rejects.toBeInstanceOf(
      autorest.mod.BadRequestError,
    );
  });
});

describe("other documents: a declared 4XX is an error", () => {
  it("the same operations without any x-ms-* key reject a 404 with NotFoundError", async () => {
    const server = await serve(json(404, { deletedAt: "yesterday" }), empty(404));
    const client = plain.mod.createPlainResponsesClient({ baseUrl: server.url });
    await expect(client.thingsGet({ name: "a" })).rejects.toBeInstanceOf(plain.mod.NotFoundError);
    await expect(client.thingsCheckExistence({ name: "a" })).rejects.toBeInstanceOf(
      plain.mod.NotFoundError,
    );
    expect(plain.client).toMatch(/thingsGet\([^)]*\): ApiPromise<T\.Thing>/s);
  });
});
