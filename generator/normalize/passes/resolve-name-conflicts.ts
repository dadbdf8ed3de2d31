// The one place where names become unique. Order of claims is fixed (sorted inputs, never the
// order of declaration), so the same spec always yields the same names, and reserved names are
// never handed out (reserved-names.ts). The rule (README "Names"): component schemas claim before inline ones, then
// by name, then by JSON pointer; operations by method name, then path, then HTTP method; the
// first keeps the name, the next get 2, 3, ... Every rename is a NAME001 warning at its pointer.
import * as path from "node:path";
import type { Api } from "../../model/api.js";
import { report, type NormalizeContext } from "../context.js";
import { NameRegistry, pascalCase } from "../names.js";
import { reservedMethodNames, reservedTypeNames } from "../reserved-names.js";

export function resolveNameConflicts(ctx: NormalizeContext, api: Api): Api {
  const types = new NameRegistry(reservedTypeNames(api));
  const renamed = (
    what: string,
    wanted: string,
    given: string,
    at: { file: string; pointer: string },
  ) => {
    if (given !== wanted)
      report(
        ctx,
        at,
        "warning",
        "NAME001",
        `${what} ${JSON.stringify(wanted)} is taken (a reserved word, a runtime export or another name); it is named ${JSON.stringify(given)}`,
        "rename it (x-name in an overlay for operations) to choose the name yourself",
      );
    return given;
  };
  // Component schemas claim first, so `#/components/schemas/Pet` keeps `Pet` over an inline `pet.yml`.
  const schemas = [...api.schemas]
    .sort((a, b) => rankOf(a.id) - rankOf(b.id) || compare(a.name, b.name) || compare(a.id, b.id))
    .map((schema) => ({
      ...schema,
      name: renamed(
        "schema type",
        schema.name,
        types.claim(schema.name),
        schemaLocation(ctx, schema.id, schema.pointer),
      ),
    }));
  const pollerMethods = api.pollers.flatMap((p) => [`poll${p.name}`, `waitFor${p.name}`]);
  // A type and a method share a name only when it starts with `_` (a leading digit: pascalCase
  // capitalises a first letter, camelCase lowers it); index.ts re-exports both, so one must yield.
  const prefixedTypes = schemas.map((schema) => schema.name).filter((n) => n.startsWith("_"));
  const methods = new NameRegistry([...reservedMethodNames, ...pollerMethods, ...prefixedTypes]);
  const operations = [...api.operations]
    .sort(
      (a, b) => compare(a.name, b.name) || compare(a.path, b.path) || compare(a.method, b.method),
    )
    .map((op) => {
      const at = { file: ctx.spec.file, pointer: op.pointer };
      const claim = (registry: NameRegistry, what: string, wanted: string) =>
        renamed(what, wanted, registry.claim(wanted), at);
      const name = claim(methods, "method", op.name);
      const lro = op.lro
        ? { ...op.lro, waitMethodName: claim(methods, "method", `${name}AndWait`) }
        : undefined;
      const urlLro = op.urlLro
        ? { ...op.urlLro, waitMethodName: claim(methods, "method", `${name}AndWait`) }
        : undefined;
      const paramsTypeName = claim(types, "type", `${pascalCase(name)}Params`);
      return {
        ...op,
        lro,
        name,
        paramsTypeName,
        urlLro,
        resultTypeName: claim(types, "type", `${pascalCase(name)}Result`),
      };
    });
  return { ...api, operations, schemas };
}

/** A schema's file and pointer: its id is the pointer in the root, `file#pointer` for other files. */
function schemaLocation(
  ctx: NormalizeContext,
  id: string,
  pointer: string,
): { file: string; pointer: string } {
  const hash = id.indexOf("#");
  return { file: hash > 0 ? path.resolve(id.slice(0, hash)) : ctx.spec.file, pointer };
}

function rankOf(id: string): number {
  return id.startsWith("#/components/schemas/") && id.split("/").length === 4 ? 0 : 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
