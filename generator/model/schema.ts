// The schema part of the internal model: OpenAPI schemas reduced to what a TypeScript type needs.
// Plain data only: the emitter turns these into type expressions, nothing here knows about text.

/** Facts every schema node may carry, whatever its kind. */
export interface SchemaCommon {
  /** `default` from the spec, kept as JSON for documentation. */
  default?: unknown;
  /** True when the spec marks the schema deprecated. */
  deprecated?: boolean;
  description?: string;
  /** The first example the spec gives (`example`, or `examples[0]` in 3.1), for documentation. */
  example?: unknown;
  /** `externalDocs`: a link to more documentation. */
  externalDocs?: ExternalDocs;
  /** `format` (date-time, int64, binary, ...), kept for documentation and opt-in conversions. */
  format?: string;
  /** True when `null` is also a valid value (3.0 nullable, 3.1 type arrays / anyOf with null). */
  isNullable?: boolean;
  /** Schema-level readOnly: the node is dropped from request types. */
  isReadOnly?: boolean;
  /** Schema-level writeOnly: the node is dropped from response types. */
  isWriteOnly?: boolean;
  title?: string;
}

/** A link to documentation elsewhere (OpenAPI externalDocs). */
export interface ExternalDocs {
  description?: string;
  url: string;
}

/** One property of an object schema. */
export interface Property {
  /**
   * Request views only (split-read-write): a constant the spec requires (an enum of one value,
   * `const`), optional in the request type because the client sends it when the caller leaves it out.
   */
  isFilledIn?: boolean;
  /** True when the property is in the object's `required` list. */
  isRequired: boolean;
  /** The property name exactly as on the wire. */
  name: string;
  schema: Schema;
}

/** A reference to a named schema (`Api.schemas`), by its assigned TypeScript name. */
export interface RefSchema extends SchemaCommon {
  kind: "ref";
  /** Key into `Api.schemas` (the model's stable id of the named schema). */
  target: string;
}

export interface PrimitiveSchema extends SchemaCommon {
  kind: "boolean" | "integer" | "null" | "number" | "string";
}

/** A binary payload (format: binary / contentMediaType octet-stream): Blob in requests and responses. */
export interface BinarySchema extends SchemaCommon {
  kind: "binary";
}

/** A date-time the client converts to and from `Date` (only with the `dates` option). */
export interface DateSchema extends SchemaCommon {
  kind: "date";
}

/** Literal values: `enum`, or `const` (a one-value enum). Values keep their JSON types. */
export interface EnumSchema extends SchemaCommon {
  kind: "enum";
  values: (boolean | null | number | string)[];
}

export interface ArraySchema extends SchemaCommon {
  items: Schema;
  kind: "array";
}

/** `prefixItems` (3.1) or an items array (2.0): fixed positions, then optional `rest`. */
export interface TupleSchema extends SchemaCommon {
  items: Schema[];
  kind: "tuple";
  /** Type of the items after the fixed ones; absent means no more items are allowed. */
  rest?: Schema;
}

export interface ObjectSchema extends SchemaCommon {
  /** `additionalProperties` / `patternProperties`: false = none, true = unknown values, else their schema. */
  additional: boolean | Schema;
  /**
   * True when `additional` is false only by clientgen's convention (properties listed,
   * additionalProperties left out): JSON Schema itself allows other keys, so a view that drops every
   * property (readOnly/writeOnly) leaves an open object, not one that admits nothing.
   */
  isClosedByDefault?: boolean;
  kind: "object";
  /**
   * Request views only (split-read-write): the readOnly properties this view leaves out of the
   * type; the client removes them from a body it sends (a value read from a GET and sent back).
   */
  omittedReadOnly?: string[];
  properties: Property[];
}

/** oneOf / anyOf: a value of one of the variants. */
export interface UnionSchema extends SchemaCommon {
  /** Discriminator property and, per variant, the literal values that select it. */
  discriminator?: Discriminator;
  kind: "union";
  variants: Schema[];
}

/** allOf: a value of every part at once. */
export interface IntersectionSchema extends SchemaCommon {
  kind: "intersection";
  parts: Schema[];
}

/** Any JSON value: `{}`, `true`, or a schema the generator could not type (reported as a warning). */
export interface UnknownSchema extends SchemaCommon {
  kind: "unknown";
}

/** A schema that can never hold a value (`false`, `not: {}`). */
export interface NeverSchema extends SchemaCommon {
  kind: "never";
}

export interface Discriminator {
  /** The property whose value picks the variant. */
  propertyName: string;
  /**
   * Per variant index (as in `variants`), the discriminator values to pin onto it. Empty when the
   * variant already declares the property as a literal (or is not a named schema).
   */
  valuesByVariant: string[][];
}

export type Schema =
  | ArraySchema
  | BinarySchema
  | DateSchema
  | EnumSchema
  | IntersectionSchema
  | NeverSchema
  | ObjectSchema
  | PrimitiveSchema
  | RefSchema
  | TupleSchema
  | UnionSchema
  | UnknownSchema;

/** A schema with a name of its own: emitted once as an exported type. */
export interface NamedSchema {
  /** Stable id: the JSON pointer (with file for other documents) it came from. */
  id: string;
  /** The exported TypeScript name, unique in the client. */
  name: string;
  /** Where it is in the spec, for diagnostics. */
  pointer: string;
  schema: Schema;
}
