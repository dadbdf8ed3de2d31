// Which OpenAPI the root document claims to be. Only 3.0 and 3.1 are generated from; 3.2 is read
// as 3.1 (its additions are optional) and Swagger 2.0 is converted to 3.0 (convert-swagger.ts).
import type { Problem } from "./problem.js";

export type DetectedVersion =
  | { version: "3.0" | "3.1" | "2.0"; problems: Problem[] }
  | { version: undefined; problems: Problem[] };

/** The version of the root `document` at `file` (absolute), or the errors that stop the load. */
export function detectVersion(document: unknown, file: string): DetectedVersion {
  const fail = (code: string, pointer: string, message: string, hint: string): DetectedVersion => ({
    version: undefined,
    problems: [{ code, file, hint, message, pointer, severity: "error" }],
  });
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    return fail(
      "LOAD004",
      "#",
      "not an OpenAPI document: the top level is not a mapping",
      'start the file with "openapi: 3.1.0"',
    );
  }
  const record = document as Record<string, unknown>;
  if (!("openapi" in record)) {
    if (versionText(record.swagger) === "2.0") return { version: "2.0", problems: [] };
    if ("swagger" in record) {
      return fail(
        "LOAD005",
        "#/swagger",
        `unsupported version: swagger ${versionText(record.swagger)}`,
        "convert it to OpenAPI 3.0 or 3.1",
      );
    }
    return fail(
      "LOAD004",
      "#",
      'not an OpenAPI document: no "openapi" field',
      'add "openapi: 3.1.0" (or 3.0.x) at the top',
    );
  }
  const text = versionText(record.openapi);
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(?:[-+][\w.-]*)?$/.exec(text);
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (major === 3 && minor === 0) return { version: "3.0", problems: [] };
  if (major === 3 && minor === 1) return { version: "3.1", problems: [] };
  if (major === 3 && minor === 2) {
    const problem: Problem = {
      code: "LOAD007",
      file,
      hint: "3.2-only features are ignored",
      message: `OpenAPI ${text} is read as 3.1`,
      pointer: "#/openapi",
      severity: "warning",
    };
    return { version: "3.1", problems: [problem] };
  }
  return fail(
    "LOAD005",
    "#/openapi",
    `unsupported version: openapi ${JSON.stringify(text)}`,
    "clientgen reads OpenAPI 3.0.x and 3.1.x",
  );
}

/** Unquoted `openapi: 3.0` parses as the number 3; read it back as "3.0". */
function versionText(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? `${value}.0` : String(value);
  return typeof value === "string" ? value.trim() : (JSON.stringify(value) ?? "");
}
