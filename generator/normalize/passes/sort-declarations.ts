// Output order is by name, not by discovery: reordering a spec must not reorder the client.
import type { Api } from "../../model/api.js";

export function sortDeclarations(api: Api): Api {
  const byName = <T extends { name: string }>(a: T, b: T): number =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return {
    ...api,
    operations: [...api.operations].sort(byName),
    pollers: [...api.pollers].sort(byName),
    schemas: [...api.schemas].sort(byName),
  };
}
