// Named schemas -> the view of types.ts: one declaration per schema, interface when it can be one
// (cheaper for the checker and nicer in editors), type alias otherwise.
import type { Api } from "../../model/api.js";
import type { NamedSchema } from "../../model/schema.js";
import { docComment, schemaDocLines } from "./doc-comment.js";
import { objectMembers, typeExpression, type TypeNames } from "./type-expression.js";

export interface TypeDeclarationView {
  doc: string;
  isInterface: boolean;
  /** Interface members (one per line, docs included) when isInterface. */
  members: string[];
  name: string;
  /** The aliased type expression when not an interface. */
  type: string;
}

export interface TypesView {
  declarations: TypeDeclarationView[];
  isEmpty: boolean;
}

export function typeNamesOf(api: Api, prefix: string): TypeNames {
  const names = new Map(api.schemas.map((s) => [s.id, s.name]));
  return { nameOf: (id) => names.get(id) ?? "unknown", prefix };
}

export function typesView(api: Api): TypesView {
  const names = typeNamesOf(api, "");
  return { declarations: api.schemas.map((s) => declarationOf(s, names)), isEmpty: api.schemas.length === 0 };
}

function declarationOf(named: NamedSchema, names: TypeNames): TypeDeclarationView {
  const { schema } = named;
  const doc = docComment(schemaDocLines(schema));
  if (schema.kind === "object" && !schema.isNullable && (schema.properties.length > 0 || schema.additional !== false)) {
    return { doc, isInterface: true, members: objectMembers(schema.properties, schema.additional, names), name: named.name, type: "" };
  }
  return { doc, isInterface: false, members: [], name: named.name, type: typeExpression(schema, names) };
}
