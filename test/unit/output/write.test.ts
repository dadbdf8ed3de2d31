// Output is swapped in with two renames; a run killed between them must not lose the client.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UnsafeOutputError } from "../../../generator/output/replaceable-folder.js";
import { recoverInterruptedWrite, writeOutput } from "../../../generator/output/write.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cg-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(String(child.stdout));
}

function folder(name: string, files: Record<string, string>): string {
  const full = path.join(dir, name);
  mkdirSync(full, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(full, file), text);
  return full;
}

describe("writeOutput", () => {
  it("replaces the folder as a whole and leaves nothing beside it", () => {
    const manifest = JSON.stringify({
      files: { "old.ts": "", "index.ts": "" },
      generator: { name: "clientgen", version: "0" },
    });
    folder("client", { "old.ts": "old", "index.ts": "v1", "clientgen.json": manifest });
    writeOutput(path.join(dir, "client"), [
      { path: "index.ts", text: "v2" },
      { path: "runtime/a.js", text: "a" },
    ]);
    expect(readdirSync(path.join(dir, "client")).sort()).toEqual(["index.ts", "runtime"]);
    expect(readFileSync(path.join(dir, "client/index.ts"), "utf8")).toBe("v2");
    expect(readdirSync(dir)).toEqual(["client"]);
  });

  it("refuses a folder it did not generate, before making anything beside it", () => {
    folder("client", { "notes.txt": "mine" });
    expect(() => writeOutput(path.join(dir, "client"), [{ path: "index.ts", text: "v2" }])).toThrow(
      UnsafeOutputError,
    );
    expect(readdirSync(path.join(dir, "client"))).toEqual(["notes.txt"]);
    expect(readdirSync(dir)).toEqual(["client"]);
  });
});

describe("recoverInterruptedWrite", () => {
  it("puts back the previous client when a run died between the two renames", () => {
    const pid = deadPid();
    folder(`.client.clientgen-old-${pid}`, { "index.ts": "previous" });
    folder(`.client.clientgen-new-${pid}`, { "index.ts": "half written" });
    recoverInterruptedWrite(path.join(dir, "client"));
    expect(readFileSync(path.join(dir, "client/index.ts"), "utf8")).toBe("previous");
    expect(readdirSync(dir)).toEqual(["client"]);
  });

  it("drops a dead run's leftovers when the output is in place, and keeps a running one's", () => {
    const pid = deadPid();
    folder("client", { "index.ts": "current" });
    folder(`.client.clientgen-old-${pid}`, { "index.ts": "stale" });
    folder(`.client.clientgen-new-${process.ppid}`, {
      "index.ts": "someone else's, still running",
    });
    folder(".other.clientgen-old-1", { "index.ts": "another output's" });
    recoverInterruptedWrite(path.join(dir, "client"));
    expect(readFileSync(path.join(dir, "client/index.ts"), "utf8")).toBe("current");
    expect(readdirSync(dir).sort()).toEqual([
      ".client.clientgen-new-" + process.ppid,
      ".other.clientgen-old-1",
      "client",
    ]);
  });

  it("is a no-op when the parent folder does not exist", () => {
    expect(() => recoverInterruptedWrite(path.join(dir, "missing/client"))).not.toThrow();
    expect(existsSync(path.join(dir, "missing"))).toBe(false);
  });
});
