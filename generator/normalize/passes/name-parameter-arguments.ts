// Every parameter gets its own key in the call's argument object. Keys used to be the wire names,
// so a query parameter `body` beside a request body clashed with the body, and one name used in
// the path, the query and a header became one argument sent to all three. The rule (README
// "Names"): the request body keeps `body`; parameters claim their wire name in the order path,
// query, header, cookie (spec order within a location); a name already taken gets the location
// appended (`idInQuery`, `bodyInQuery`), then 2, 3, ... Each such key is a PAR005 warning.
// Everything that names a parameter to fill it at run time (paging parameters, a poller's id
// parameter and fixed arguments, a start's idArg) follows the parameter to its key here.
import type { Api, Operation, Parameter, Poller } from "../../model/api.js";
import { report, type NormalizeContext } from "../context.js";

const locationOrder: Parameter["in"][] = ["path", "query", "header", "cookie"];
/** Pagination fields that name a parameter by its key in the argument object. */
const paginationParamFields = ["cursorParam", "limitParam", "offsetParam", "pageParam"] as const;

export function nameParameterArguments(ctx: NormalizeContext, api: Api): Api {
  const operations = api.operations.map((op) => withArgumentKeys(ctx, op));
  const pollers = api.pollers.map((poller) =>
    withPollerKeys(
      poller,
      operations.find((op) => op.id === poller.operationId),
    ),
  );
  return { ...api, operations, pollers };
}

/** The argument key of the parameter a spec names by its wire name (path first, as keys are claimed). */
function keyOf(op: Operation, name: string): string {
  const named = op.parameters
    .filter((p) => p.name === name)
    .sort((a, b) => locationOrder.indexOf(a.in) - locationOrder.indexOf(b.in));
  return named[0]?.argName ?? name;
}

/** A poller fills its status call's arguments by key: the id parameter and fixed arguments follow renames. */
function withPollerKeys(poller: Poller, op: Operation | undefined): Poller {
  if (!op?.parameters.some((p) => p.argName)) return poller;
  const pollArgs =
    poller.pollArgs &&
    Object.fromEntries(
      Object.entries(poller.pollArgs).map(([name, value]) => [keyOf(op, name), value]),
    );
  return { ...poller, idParam: keyOf(op, poller.idParam), pollArgs };
}

function withArgumentKeys(ctx: NormalizeContext, op: Operation): Operation {
  const taken = new Set<string>(op.requestBody ? ["body"] : []);
  const keys = new Map<Parameter, string>();
  const ordered = [...op.parameters].sort(
    (a, b) => locationOrder.indexOf(a.in) - locationOrder.indexOf(b.in),
  );
  for (const p of ordered) {
    let key = p.name;
    if (taken.has(key)) {
      const base = `${p.name}In${p.in[0].toUpperCase()}${p.in.slice(1)}`;
      key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
      const holder = p.name === "body" && op.requestBody ? "the request body" : "another parameter";
      report(
        ctx,
        { file: ctx.spec.file, pointer: op.pointer },
        "warning",
        "PAR005",
        `${p.in} parameter ${JSON.stringify(p.name)} has the same name as ${holder}; it is passed as ${JSON.stringify(key)} in the call's arguments`,
      );
    }
    taken.add(key);
    keys.set(p, key);
  }
  if (![...keys].some(([p, key]) => p.name !== key)) return op;
  const parameters = op.parameters.map((p) =>
    keys.get(p) === p.name ? p : { ...p, argName: keys.get(p) },
  );
  let pagination = op.pagination;
  if (pagination) {
    // Paging reads and writes the query parameter it names: follow it to its new key.
    const renamedQuery = new Map(
      parameters.filter((p) => p.in === "query" && p.argName).map((p) => [p.name, p.argName!]),
    );
    const moved = Object.fromEntries(
      paginationParamFields.flatMap((field) => {
        const name = (pagination as Record<string, unknown>)[field];
        return typeof name === "string" && renamedQuery.has(name)
          ? [[field, renamedQuery.get(name)]]
          : [];
      }),
    );
    pagination = { ...pagination, ...moved } as typeof pagination;
  }
  const renamed = { ...op, pagination, parameters };
  // A start waiting on its own argument (idArg) reads it by key.
  if (op.lro?.idArg === undefined) return renamed;
  return { ...renamed, lro: { ...op.lro, idArg: keyOf(renamed, op.lro.idArg) } };
}
