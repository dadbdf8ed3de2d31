// Model Schema -> TypeScript type expression. Named schemas are referred to by name; everything
// else is written inline. Only `literal.ts` puts spec text into the result.
import type { Property, Schema } from "../../model/schema.js";
import { docComment, schemaDocLines } from "./doc-comment.js";
import {
  brokenUnionGroup,
  fitsOneLine,
  indentLines,
  intersectionLines,
  isHuggedNull,
  isObjectLiteral,
  isSingleTerm,
  pad,
  splitTopLevel,
  typedLine,
  unionVariants,
  unsureMark,
} from "./layout.js";

export { unsureMark };
import { literalType, propertyKey } from "./literal.js";

/** How to print references: named schema id -> exported name, and the prefix (e.g. `T.`) in front. */
export interface TypeNames {
  nameOf(id: string): string;
  prefix: string;
}

/**
 * A type expression starting on a line indented `column`: one line when it can be, object types
 * expanded one member per line (continuation lines carry their absolute indentation).
 */
export function typeExpression(schema: Schema, names: TypeNames, column = 0): string {
  const base = baseExpression(schema, names, column);
  if (!schema.isNullable || base === "unknown" || base === "null") return base;
  return `${unionMember(base)} | null`;
}

function baseExpression(schema: Schema, names: TypeNames, column: number): string {
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
    case "date":
      return "Date";
    case "unknown":
      return "unknown";
    case "never":
      return "never";
    case "enum":
      return schema.values.length === 0
        ? "never"
        : [...new Set(schema.values.map(literalType))].join(" | ");
    case "array": {
      const items = typeExpression(schema.items, names, column);
      const text = `${group(items)}[]`;
      // `{...}[]`, `({...} | null)[]` and `(A & {...})[]` are laid out as prettier does; a union with
      // multi-line variants is broken by typedLine where it meets its property; others by prettier.
      return !items.includes("\n") || isHuggedArrayItem(items) ? text : unsure(text);
    }
    case "tuple": {
      const items = schema.items.map((item) => typeExpression(item, names, column));
      if (schema.rest) items.push(`...${group(typeExpression(schema.rest, names, column))}[]`);
      return flatOrUnsure(`[${items.join(", ")}]`, items);
    }
    case "object":
      return objectLiteralType(schema.properties, schema.additional, names, column);
    case "union":
      return unionExpression(schema, names, column);
    case "intersection": {
      const parts = schema.parts.map((part) =>
        intersectionPart(typeExpression(part, names, column), column),
      );
      return intersectionLines(parts, column) ?? unsure(parts.join(" & "));
    }
  }
}

/** A part of an intersection: a union spanning lines breaks inside its parentheses. */
function intersectionPart(type: string, column: number): string {
  const variants = unionVariants(type);
  const isBroken =
    variants !== undefined &&
    type.includes("\n") &&
    !type.includes(unsureMark) &&
    !isHuggedNull(variants);
  return isBroken ? brokenUnionGroup(column, variants) : group(type);
}

/** Array items prettier hugs inside `(` ... `)[]` (or `{` ... `}[]`) without re-indenting them. */
function isHuggedArrayItem(items: string): boolean {
  if (items.startsWith(unsureMark)) return false;
  const variants = unionVariants(items);
  if (variants) return isHuggedNull(variants);
  return isObjectLiteral(items) || splitTopLevel(items, " & ").length > 1;
}

function unionExpression(
  schema: Extract<Schema, { kind: "union" }>,
  names: TypeNames,
  column: number,
): string {
  const discriminator = schema.discriminator;
  const tagged = (type: string, i: number, isBroken: boolean) => {
    const values = discriminator?.valuesByVariant[i] ?? [];
    if (!discriminator || values.length === 0) return type;
    // Pin the discriminator to its literal(s), so a switch on it narrows to the variant.
    const tag = discriminatorTag(propertyKey(discriminator.propertyName), values, column);
    return `${group(type)} & ${isBroken && !type.includes("\n") ? tag.broken(group(type)) : tag.flat}`;
  };
  const types = schema.variants.map((variant) => typeExpression(variant, names, column));
  // Variants that print alike are one; a lone one needs no parentheses (prettier drops them).
  // Multi-line variants are laid out by typedLine where the union meets its property or alias.
  const unique = [...new Set(types.map((type, i) => tagged(type, i, false)))];
  if (unique.length === 1) return unique[0];
  return [...new Set(types.map((type, i) => tagged(type, i, true)))].map(unionMember).join(" | ");
}

/**
 * `{ key: "a" | "b" }` after `Variant & `: flat, or, where the union puts this variant on its own
 * line (`| (Variant & {...})` at `column + 2`, laid out two columns left) and it does not fit there,
 * expanded one member a line as prettier breaks the object type.
 */
function discriminatorTag(key: string, values: string[], column: number) {
  const union = values.map(literalType).join(" | ");
  const flat = `{ ${key}: ${union} }`;
  return {
    flat,
    broken(type: string): string {
      if (fitsOneLine(`${pad(column + 2)}| (${type} & ${flat})`)) return flat;
      // Laid out where it is printed (four columns right of `column`), then moved back.
      const member = typedLine(column + 6, `${key}:`, union)
        .split("\n")
        .map((line) => line.slice(4))
        .join("\n");
      return `{\n${member}\n${pad(column)}}`;
    },
  };
}

/** Multi-line parts inside a construct whose prettier layout is not reproduced here. */
function flatOrUnsure(text: string, parts: string[]): string {
  return parts.some((p) => p.includes("\n")) ? unsure(text) : text;
}

function unsure(text: string): string {
  return text.startsWith(unsureMark) ? text : `${unsureMark}${text}`;
}

/** `{ a: string; "b-c"?: number }` expanded, with JSDoc per property, and an index signature when open. */
export function objectLiteralType(
  properties: Property[],
  additional: boolean | Schema,
  names: TypeNames,
  column = 0,
): string {
  if (properties.length === 0) {
    if (additional === false) return "Record<string, never>";
    const value = additional === true ? "unknown" : typeExpression(additional, names, column);
    return value.includes("\n") ? unsure(`Record<string, ${value}>`) : `Record<string, ${value}>`;
  }
  return `{\n${objectMembers(properties, additional, names, column + 2).join("\n")}\n${pad(column)}}`;
}

/** Member declarations of an object type at `column` (interfaces and inline object types alike), fully indented. */
export function objectMembers(
  properties: Property[],
  additional: boolean | Schema,
  names: TypeNames,
  column: number,
): string[] {
  const members = properties.map((p) => {
    const lines = schemaDocLines(p.schema);
    if (p.isFilledIn) lines.push("Optional: the client sends this constant when it is left out.");
    const doc = docComment(lines);
    const line = typedLine(
      column,
      `${propertyKey(p.name)}${p.isRequired ? "" : "?"}:`,
      typeExpression(p.schema, names, column),
    );
    return doc ? `${indentLines(doc, column)}\n${line}` : line;
  });
  if (additional !== false) {
    const valueType = additional === true ? "unknown" : typeExpression(additional, names, column);
    // An index signature must admit every declared property's type too.
    const all =
      valueType === "unknown"
        ? ["unknown"]
        : [valueType, ...properties.map((p) => typeExpression(p.schema, names, column))];
    if (properties.some((p) => !p.isRequired) && valueType !== "unknown") all.push("undefined");
    const unique = [...new Set(all)];
    members.push(typedLine(column, "[key: string]:", flatOrUnsure(unique.join(" | "), unique)));
  }
  return members;
}

/** A union member: an intersection is parenthesised (prettier's style, and clearer). */
export function unionMember(type: string): string {
  const variants = unionVariants(type);
  if (variants) return type;
  return splitTopLevel(type, " & ").length > 1 ? `(${type})` : type;
}

/** Parenthesise a union or function type before `[]`, `&` or `| null`. */
function group(type: string): string {
  return isSingleTerm(type) ? type : `(${type})`;
}
