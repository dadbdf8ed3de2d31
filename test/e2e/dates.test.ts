// The `dates` option: date-time fields are Date in the client, revived in responses (nested,
// recursive, in arrays, maps and union variants) and sent as ISO strings in queries and bodies.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";
import { json, startServer, type TestServer } from "../runtime/helpers/http-server.js";

const dir = path.resolve("node_modules/.cache/clientgen-dates-test", String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Event {
  id: string;
  at: Date;
  day?: string;
  parent?: Event;
  history?: Date[];
  labels?: Record<string, Date>;
}
interface Reminder {
  id: string;
  dueAt: Date;
  parent?: Reminder;
}
interface EventsClient {
  getFeedItem(params: {
    id: string;
  }): Promise<{ item?: Event | Reminder; note?: Reminder | { editedAt?: Date } }>;
  listEvents(params?: { since?: Date }): Promise<Event[]>;
  createEvent(params: { body: Event }): Promise<Event | { queuedAt?: Date }>;
}

async function client(baseUrl: string): Promise<EventsClient> {
  const result = await generate({
    dates: true,
    overlays: [],
    spec: "test/fixtures/dates/events.yaml",
  });
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  const mod = (await import(path.join(dir, "index.ts"))) as {
    createEventsClient(o: object): EventsClient;
  };
  return mod.createEventsClient({ baseUrl });
}

describe("dates option", () => {
  it("types date-time fields as Date and the folder compiles", async () => {
    const result = await generate({
      dates: true,
      overlays: [],
      spec: "test/fixtures/dates/events.yaml",
    });
    const types = result.files.find((f) => f.path === "types.ts")!.text;
    expect(types).toContain("at: Date;");
    expect(types).toContain("history?: Date[];");
    expect(types).toContain("day?: string;");
    const out = path.join(dir, "compile");
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
      writeFileSync(path.join(out, f.path), f.text);
    }
    expect((await compileAlone({ client: out })).output).toBe("");
  });

  it("revives Dates in responses: nested, recursive, arrays, maps; calendar dates stay strings", async () => {
    const at = "2026-11-22T10:00:00.000Z";
    server = await startServer(
      json(200, [
        {
          id: "e1",
          at,
          day: "2026-11-22",
          parent: { id: "e0", at },
          history: [at, at],
          labels: { first: at },
          extra: at,
        },
      ]),
    );
    const [event] = await (await client(server.url)).listEvents();
    expect(event.at).toBeInstanceOf(Date);
    expect(event.at.toISOString()).toBe(at);
    expect(event.parent?.at).toBeInstanceOf(Date);
    expect(event.history?.every((d) => d instanceof Date)).toBe(true);
    expect(event.labels?.first).toBeInstanceOf(Date);
    expect(event.day).toBe("2026-11-22");
    expect((event as unknown as { extra: unknown }).extra).toBe(at);
  });

  it("revives union variants whose fields name different schemas at the same place", async () => {
    const at = "2026-11-22T10:00:00.000Z";
    server = await startServer(
      json(200, {
        item: { id: "r1", dueAt: at, parent: { id: "r0", dueAt: at } },
        note: { id: "n", dueAt: at, editedAt: at },
      }),
      json(200, { item: { id: "e1", at, parent: { id: "e0", at } } }),
    );
    const events = await client(server.url);
    const first = await events.getFeedItem({ id: "r1" });
    const reminder = first.item as Reminder;
    expect(reminder.dueAt).toBeInstanceOf(Date);
    expect(reminder.parent?.dueAt).toBeInstanceOf(Date);
    // A shared plan and an inline one at the same place: both apply.
    const note = first.note as Reminder & { editedAt?: Date };
    expect(note.dueAt).toBeInstanceOf(Date);
    expect(note.editedAt).toBeInstanceOf(Date);
    const event = (await events.getFeedItem({ id: "e1" })).item as Event;
    expect(event.parent?.at).toBeInstanceOf(Date);
  });

  it("sends Dates as ISO strings in queries and bodies; revives union variants; keeps unparseable text", async () => {
    server = await startServer(
      json(200, []),
      json(201, { queuedAt: "2026-11-22T10:00:00Z", at: "not a date", id: "x" }),
    );
    const events = await client(server.url);
    await events.listEvents({ since: new Date("2026-01-02T03:04:05.000Z") });
    expect(server.requests[0].url).toBe("/events?since=2026-01-02T03%3A04%3A05.000Z");
    const created = (await events.createEvent({
      body: { id: "e", at: new Date("2026-01-02T03:04:05.000Z") },
    })) as { queuedAt?: Date; at?: unknown };
    expect(JSON.parse(server.requests[1].text)).toEqual({
      id: "e",
      at: "2026-01-02T03:04:05.000Z",
    });
    expect(created.queuedAt).toBeInstanceOf(Date);
    expect(created.at).toBe("not a date");
  });
});
