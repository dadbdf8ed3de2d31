// A top-level type declaration as templates/partials/declaration.hbs lays it out: its JSDoc, then
// an interface with its members, or a type alias.

export interface Declaration {
  /** JSDoc block; "" when none. */
  doc: string;
  /** An interface (`members`), else a type alias (`alias`). */
  isInterface: boolean;
  /** The interface's members, each laid out at column 2 with its own JSDoc. */
  members: string[];
  /** The whole alias statement, laid out (`export type X = ...;`); "" for an interface. */
  alias: string;
  name: string;
}

/** `export interface name { members }`. */
export function interfaceDeclaration(doc: string, name: string, members: string[]): Declaration {
  return { alias: "", doc, isInterface: true, members, name };
}

/** A type alias statement laid out by the printer (layout.ts `typeAlias`). */
export function aliasDeclaration(doc: string, name: string, alias: string): Declaration {
  return { alias, doc, isInterface: false, members: [], name };
}
