// The one YAML schema clientgen reads documents with, for loading and for locating alike.
import yaml from "js-yaml";

/** js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them. */
interface JsYamlTypes {
  types: { merge: yaml.Type };
}

/**
 * YAML 1.2 core schema: no timestamps turned into Dates (OpenAPI dates are strings), plus merge
 * keys (`<<: *base`), which hand-written specs use and which the core schema leaves out.
 */
export const OPENAPI_YAML_SCHEMA = yaml.CORE_SCHEMA.extend({
  implicit: [(yaml as unknown as JsYamlTypes).types.merge],
});
