// Model Schema -> TypeScript type expression. Named schemas are referred to by name; everything
// else is written inline. Only `literal.ts` puts spec text into the result.
import type { Property, Schema } from "../../model/schema.js";
import { docComment, schemaDocLines } from "./doc-comment.js";
import { literalType, propertyKey } from "./literal.js";

/** How to print references: named schema id -> exported name, and the prefix (e.g. `T.`) in front. */
export interface TypeNames {
  nameOf(id: string): string;
  prefix: string;
}

export function typeExpression(schema: Schema, names: TypeNames): string {
  const base = baseExpression(schema, names);
  return schema.isNullable && base !== "unknown" && base !== "null" ? `${base} | null` : base;
}

function baseExpression(schema: Schema, names: TypeNames): string {
  switch (schema.kind) {
    case "ref":
      return names.prefix + names.nameOf(schema.target);
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "binary":
      return "Blob";
    case "unknown":
      return "unknown";
    case "never":
      return "never";
    case "enum":
      return schema.values.length === 0 ? "never" : [...new Set(schema.values.map(literalType))].join(" | ");
    case "array":
      return `${group(typeExpression(schema.items, names))}[]`;
    case "tuple": {
      const items = schema.items.map((item) => typeExpression(item, names));
      if (schema.rest) items.push(`...${group(typeExpression(schema.rest, names))}[]`);
      return `[${items.join(", ")}]`;
    }
    case "object":
      return objectLiteralType(schema.properties, schema.additional, names);
    case "union":
      return unionExpression(schema, names);
    case "intersection":
      return schema.parts.map((part) => group(typeExpression(part, names))).join(" & ");
  }
}

function unionExpression(schema: Extract<Schema, { kind: "union" }>, names: TypeNames): string {
  const variants = schema.variants.map((variant, i) => {
    const type = typeExpression(variant, names);
    const values = schema.discriminator?.valuesByVariant[i] ?? [];
    if (!schema.discriminator || values.length === 0) return type;
    // Pin the discriminator to its literal(s), so a switch on it narrows to the variant.
    const tag = `{ ${propertyKey(schema.discriminator.propertyName)}: ${values.map(literalType).join(" | ")} }`;
    return `(${group(type)} & ${tag})`;
  });
  return [...new Set(variants)].join(" | ");
}

/** `{ a: string; "b-c"?: number }` with JSDoc per property, and an index signature when open. */
export function objectLiteralType(properties: Property[], additional: boolean | Schema, names: TypeNames): string {
  if (properties.length === 0) {
    if (additional === false) return "Record<string, never>";
    return `Record<string, ${additional === true ? "unknown" : typeExpression(additional, names)}>`;
  }
  const members = objectMembers(properties, additional, names);
  return `{\n${members.join("\n")}\n}`;
}

/** Member lines of an object type (used for interfaces and inline object types alike). */
export function objectMembers(properties: Property[], additional: boolean | Schema, names: TypeNames): string[] {
  const members = properties.map((p) => {
    const doc = docComment(schemaDocLines(p.schema));
    const line = `${propertyKey(p.name)}${p.isRequired ? "" : "?"}: ${typeExpression(p.schema, names)};`;
    return doc ? `${doc}\n${line}` : line;
  });
  if (additional !== false) {
    const valueType = additional === true ? "unknown" : typeExpression(additional, names);
    // An index signature must admit every declared property's type too.
    const all = valueType === "unknown" ? ["unknown"] : [valueType, ...properties.map((p) => typeExpression(p.schema, names))];
    if (properties.some((p) => !p.isRequired) && valueType !== "unknown") all.push("undefined");
    members.push(`[key: string]: ${[...new Set(all)].join(" | ")};`);
  }
  return members;
}

/** Parenthesise a union or function type before `[]`, `&` or `| null`. */
function group(type: string): string {
  return isSingleTerm(type) ? type : `(${type})`;
}

/** True when no `|`, `&` or space sits outside brackets and quotes: the text is one term. */
function isSingleTerm(type: string): boolean {
  let depth = 0;
  let quote = false;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === "{" || c === "[" || c === "(" || c === "<") depth++;
    else if (c === "}" || c === "]" || c === ")" || c === ">") depth--;
    else if (depth === 0 && (c === "|" || c === "&" || c === " ")) return false;
  }
  return depth === 0;
}
