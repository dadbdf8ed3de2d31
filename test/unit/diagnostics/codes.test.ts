// The table of diagnostic codes is the one place a code is described: it must list exactly the
// codes the sources report, with the severity they report them with, and docs/diagnostics.md must
// be its rendering (CLIENTGEN_UPDATE_DOCS=1 rewrites the file).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  diagnosticCode,
  diagnosticCodes,
  diagnosticsMarkdown,
  whyNotSilenceable,
} from "../../../generator/diagnostics/codes.js";

const repo = path.resolve(import.meta.dirname, "../../..");
const docsFile = path.join(repo, "docs/diagnostics.md");

const sources = readdirSync(path.join(repo, "generator"), { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts") && !file.endsWith(path.join("diagnostics", "codes.ts")))
  .map((file) => readFileSync(path.join(repo, "generator", file), "utf8"))
  .join("\n");

describe("diagnostic codes", () => {
  it("the table lists exactly the codes the sources report, sorted", () => {
    const reported = [
      ...new Set([...sources.matchAll(/"([A-Z]{2,5}\d{3})"/g)].map((m) => m[1])),
    ].sort();
    const listed = diagnosticCodes.map((d) => d.code);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toEqual(reported);
  });

  it("each code has the severity the sources report it with", () => {
    const seen: [string, string][] = [
      ...[...sources.matchAll(/"(error|warning)",\s*"([A-Z]{2,5}\d{3})"/g)].map(
        (m): [string, string] => [m[2], m[1]],
      ),
      ...[...sources.matchAll(/code: "([A-Z]{2,5}\d{3})",[^}]*?severity: "(error|warning)"/gs)].map(
        (m): [string, string] => [m[1], m[2]],
      ),
    ];
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.filter(([code, severity]) => diagnosticCode(code)?.severity !== severity)).toEqual(
      [],
    );
  });

  it("docs/diagnostics.md is the table rendered", () => {
    if (process.env.CLIENTGEN_UPDATE_DOCS) writeFileSync(docsFile, diagnosticsMarkdown());
    expect(readFileSync(docsFile, "utf8")).toBe(diagnosticsMarkdown());
  });

  it.each([
    ["NAME001", undefined],
    ["REF001", "REF001 is an error (the generated code would be wrong) and cannot be silenced"],
    ["NAME999", '"NAME999" is not a clientgen diagnostic code (docs/diagnostics.md lists them)'],
  ])("silencing %s: %s", (code, want) => {
    expect(whyNotSilenceable(code)).toBe(want);
  });
});
