// Named schemas -> the view of types.ts: one declaration per schema, interface when it can be one
// (cheaper for the checker and nicer in editors), type alias otherwise. Each declaration arrives
// laid out as prettier prints it.
import type { Api } from "../../model/api.js";
import type { NamedSchema } from "../../model/schema.js";
import { docComment, schemaDocLines } from "./doc-comment.js";
import { typeAlias } from "./layout.js";
import { objectMembers, typeExpression, type TypeNames } from "./type-expression.js";

export interface TypesView {
  /** One declaration per schema, JSDoc included. */
  declarations: string[];
  isEmpty: boolean;
}

/** Names of the schemas as one file refers to them; `isUsed()` tells whether the file needs the import. */
export function typeNamesOf(api: Api, prefix: string): TypeNames & { isUsed(): boolean } {
  const names = new Map(api.schemas.map((s) => [s.id, s.name]));
  let isUsed = false;
  return {
    isUsed: () => isUsed,
    nameOf: (id) => {
      isUsed = true;
      return names.get(id) ?? "unknown";
    },
    prefix,
  };
}

export function typesView(api: Api): TypesView {
  const names = typeNamesOf(api, "");
  return {
    declarations: api.schemas.map((s) => declarationOf(s, names)),
    isEmpty: api.schemas.length === 0,
  };
}

function declarationOf(named: NamedSchema, names: TypeNames): string {
  const { schema } = named;
  const doc = docComment(schemaDocLines(schema));
  const head = doc ? `${doc}\n` : "";
  if (
    schema.kind === "object" &&
    !schema.isNullable &&
    (schema.properties.length > 0 || schema.additional !== false)
  ) {
    const members = objectMembers(schema.properties, schema.additional, names, 2);
    return `${head}export interface ${named.name} {\n${members.join("\n")}\n}`;
  }
  return `${head}${typeAlias(named.name, typeExpression(schema, names, 0))}`;
}
