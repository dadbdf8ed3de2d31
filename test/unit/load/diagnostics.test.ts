// Baselines: the exact lines a failed (or warned) load prints, one table row per error code.
import { describe, expect, test } from "vitest";
import type { LoadOptions } from "../../../generator/load/loaded-spec.js";
import { diagnosticLines, fixture } from "./helpers.js";

const F = "test/fixtures/load";

const cases: { name: string; given: { file: string; options?: LoadOptions }; want: string[] }[] = [
  {
    name: "LOAD001 file not found",
    given: { file: "errors/missing.yaml" },
    want: [`${F}/errors/missing.yaml:0:0 # error LOAD001 file not found (check the path)`],
  },
  {
    name: "LOAD001 a directory is not a readable file",
    given: { file: "errors" },
    want: [
      `${F}/errors:0:0 # error LOAD001 a folder, not a regular file: not read (check that the path is a readable file)`,
    ],
  },
  {
    name: "LOAD002 invalid YAML, position from the js-yaml mark",
    given: { file: "errors/invalid-yaml.yaml" },
    want: [
      `${F}/errors/invalid-yaml.yaml:4:11 # error LOAD002 invalid YAML: bad indentation of a mapping entry (fix the syntax error at this position)`,
    ],
  },
  {
    name: "LOAD002 unclosed flow mapping",
    given: { file: "errors/unclosed-flow.yaml" },
    want: [
      `${F}/errors/unclosed-flow.yaml:3:1 # error LOAD002 invalid YAML: unexpected end of the stream within a flow collection (fix the syntax error at this position)`,
    ],
  },
  {
    name: "LOAD003 invalid JSON, position from the message",
    given: { file: "errors/trailing-comma.json" },
    want: [
      `${F}/errors/trailing-comma.json:5:3 # error LOAD003 invalid JSON: Expected double-quoted property name (fix the syntax error at this position)`,
    ],
  },
  {
    name: "LOAD003 invalid JSON, message without a position",
    given: { file: "errors/bad-token.json" },
    want: [
      `${F}/errors/bad-token.json:3:14 # error LOAD003 invalid JSON: Unexpected token "\\n" (fix the syntax error at this position)`,
    ],
  },
  {
    name: "LOAD004 no openapi key",
    given: { file: "errors/no-openapi-key.yaml" },
    want: [
      `${F}/errors/no-openapi-key.yaml:1:1 # error LOAD004 not an OpenAPI document: no "openapi" field (add "openapi: 3.1.0" (or 3.0.x) at the top)`,
    ],
  },
  {
    name: "LOAD004 top level is a list",
    given: { file: "errors/top-level-list.yaml" },
    want: [
      `${F}/errors/top-level-list.yaml:1:1 # error LOAD004 not an OpenAPI document: the top level is not a mapping (start the file with "openapi: 3.1.0")`,
    ],
  },
  {
    name: "LOAD005 openapi 2.x",
    given: { file: "errors/openapi-2.yaml" },
    want: [
      `${F}/errors/openapi-2.yaml:1:1 #/openapi error LOAD005 unsupported version: openapi "2.0.0" (clientgen reads OpenAPI 3.0.x and 3.1.x)`,
    ],
  },
  {
    name: "LOAD005 openapi 4.x",
    given: { file: "errors/openapi-4.yaml" },
    want: [
      `${F}/errors/openapi-4.yaml:1:1 #/openapi error LOAD005 unsupported version: openapi "4.0.0" (clientgen reads OpenAPI 3.0.x and 3.1.x)`,
    ],
  },
  {
    name: "LOAD006 Swagger 2.0 is converted (warning, load succeeds)",
    given: { file: "errors/swagger.yaml" },
    want: [
      `${F}/errors/swagger.yaml:1:1 #/swagger warning LOAD006 Swagger 2.0 converted to OpenAPI 3.0 (pointers in other diagnostics refer to the converted document; line:col to the nearest source node)`,
    ],
  },
  {
    name: "LOAD006 Swagger 2.0 written as a number",
    given: { file: "errors/swagger-unquoted.yaml" },
    want: [
      `${F}/errors/swagger-unquoted.yaml:1:1 #/swagger warning LOAD006 Swagger 2.0 converted to OpenAPI 3.0 (pointers in other diagnostics refer to the converted document; line:col to the nearest source node)`,
    ],
  },
  {
    name: "REF001 a $ref that is not a string (a property named $ref is fine)",
    given: { file: "errors/ref-not-string.yaml" },
    want: [
      `${F}/errors/ref-not-string.yaml:7:7 #/components/schemas/A/$ref error REF001 $ref must be a string (write $ref: "#/components/schemas/Name")`,
    ],
  },
  {
    name: "LOAD007 3.2 is read as 3.1 (warning, load succeeds)",
    given: { file: "errors/openapi-3.2.yaml" },
    want: [
      `${F}/errors/openapi-3.2.yaml:1:1 #/openapi warning LOAD007 OpenAPI 3.2.0 is read as 3.1 (3.2-only features are ignored)`,
    ],
  },
  {
    name: "REF001/REF002/REF003 and a broken referenced file, all reported at once",
    given: { file: "refs-broken/root.yaml" },
    want: [
      `${F}/refs-broken/root.yaml:10:11 #/paths/~1a/get/responses/200/$ref error REF001 unresolved $ref "#/components/responses/Missing": no "Missing" in #/components/responses (check the name, or define the target)`,
      `${F}/refs-broken/root.yaml:12:11 #/paths/~1a/get/responses/201/$ref error REF001 unresolved $ref "sub/missing-file.yaml": file not found (${F}/refs-broken/sub/missing-file.yaml) (the path is relative to the file containing the $ref)`,
      `${F}/refs-broken/root.yaml:14:11 #/paths/~1a/get/responses/202/$ref error REF001 unresolved $ref "sub/parts.yaml#/responses/Nope": no "Nope" in ${F}/refs-broken/sub/parts.yaml#/responses (check the name, or define the target)`,
      `${F}/refs-broken/root.yaml:16:11 #/paths/~1a/get/responses/203/$ref error REF002 remote $ref "https://example.com/spec.yaml#/components/responses/X" is not allowed (remote $refs are disabled; download the file next to the spec and use a relative path)`,
      `${F}/refs-broken/root.yaml:18:11 #/paths/~1a/get/responses/204/$ref error REF003 $ref "../outside.yaml#/X" points outside the spec directory (keep referenced files under ${F}/refs-broken/ or set allowOutsideRefs)`,
      `${F}/refs-broken/root.yaml:24:11 #/paths/~1a/get/responses/207/$ref error REF001 unresolved $ref "#anchor": "#anchor" is not a JSON pointer (fragments must be JSON pointers like "#/components/schemas/Pet"; $anchor names are not supported)`,
      `${F}/refs-broken/sub/broken.yaml:2:1 # error LOAD002 invalid YAML: unexpected end of the stream within a flow collection (fix the syntax error at this position)`,
      `${F}/refs-broken/sub/parts.yaml:7:11 #/responses/Ok/content/application~1json/schema/$ref error REF001 unresolved $ref "#/schemas/Gone": no "Gone" in #/schemas (check the name, or define the target)`,
    ],
  },
  {
    name: "REF002 stays an error with allowRemoteRefs (not supported yet); REF003 lifted by allowOutsideRefs",
    given: {
      file: "refs-broken/root.yaml",
      options: { allowRemoteRefs: true, allowOutsideRefs: true },
    },
    want: [
      `${F}/refs-broken/root.yaml:10:11 #/paths/~1a/get/responses/200/$ref error REF001 unresolved $ref "#/components/responses/Missing": no "Missing" in #/components/responses (check the name, or define the target)`,
      `${F}/refs-broken/root.yaml:12:11 #/paths/~1a/get/responses/201/$ref error REF001 unresolved $ref "sub/missing-file.yaml": file not found (${F}/refs-broken/sub/missing-file.yaml) (the path is relative to the file containing the $ref)`,
      `${F}/refs-broken/root.yaml:14:11 #/paths/~1a/get/responses/202/$ref error REF001 unresolved $ref "sub/parts.yaml#/responses/Nope": no "Nope" in ${F}/refs-broken/sub/parts.yaml#/responses (check the name, or define the target)`,
      `${F}/refs-broken/root.yaml:16:11 #/paths/~1a/get/responses/203/$ref error REF002 remote $ref "https://example.com/spec.yaml#/components/responses/X" is not allowed (remote $refs are not supported yet; download the file next to the spec and use a relative path)`,
      `${F}/refs-broken/root.yaml:24:11 #/paths/~1a/get/responses/207/$ref error REF001 unresolved $ref "#anchor": "#anchor" is not a JSON pointer (fragments must be JSON pointers like "#/components/schemas/Pet"; $anchor names are not supported)`,
      `${F}/refs-broken/sub/broken.yaml:2:1 # error LOAD002 invalid YAML: unexpected end of the stream within a flow collection (fix the syntax error at this position)`,
      `${F}/refs-broken/sub/parts.yaml:7:11 #/responses/Ok/content/application~1json/schema/$ref error REF001 unresolved $ref "#/schemas/Gone": no "Gone" in #/schemas (check the name, or define the target)`,
    ],
  },
  {
    name: "REF001 under names that look like keywords (a property `example`, a `default` response)",
    given: { file: "errors/names-are-not-keywords.yaml" },
    want: [
      `${F}/errors/names-are-not-keywords.yaml:10:11 #/components/schemas/Thing/properties/example/$ref error REF001 unresolved $ref "#/components/schemas/Missing1": no "Missing1" in #/components/schemas (check the name, or define the target)`,
      `${F}/errors/names-are-not-keywords.yaml:13:7 #/components/responses/default/$ref error REF001 unresolved $ref "#/components/responses/Missing2": no "Missing2" in #/components/responses (check the name, or define the target)`,
    ],
  },
  {
    name: "REF003 a sibling directory of the spec",
    given: { file: "outside-root/spec/root.yaml" },
    want: [
      `${F}/outside-root/spec/root.yaml:7:7 #/components/schemas/Shared/$ref error REF003 $ref "../shared.yaml#/Shared" points outside the spec directory (keep referenced files under ${F}/outside-root/spec/ or set allowOutsideRefs)`,
    ],
  },
  {
    name: "allowOutsideRefs accepts it",
    given: { file: "outside-root/spec/root.yaml", options: { allowOutsideRefs: true } },
    want: [],
  },
  {
    name: "OVL001 invalid overlay document, every problem",
    given: {
      file: "overlays/base.yaml",
      options: { overlays: [fixture("overlays/invalid.yaml")] },
    },
    want: [
      `${F}/overlays/invalid.yaml:1:1 #/overlay error OVL001 invalid overlay: "overlay" must be a version string like "1.0.0" (add "overlay: 1.0.0")`,
      `${F}/overlays/invalid.yaml:2:1 #/info error OVL001 invalid overlay: "info" needs a "title" and a "version" (add info: {title, version})`,
      `${F}/overlays/invalid.yaml:4:5 #/actions/0 error OVL001 invalid overlay: an action needs a "target" JSONPath string (e.g. target: $.info)`,
      `${F}/overlays/invalid.yaml:6:5 #/actions/1 error OVL001 invalid overlay: the action has neither "update" nor "remove: true" (add one, or delete the action)`,
      `${F}/overlays/invalid.yaml:8:5 #/actions/2/remove error OVL001 invalid overlay: "remove" must be true or false (write remove: true)`,
    ],
  },
  {
    name: "OVL002 a target that matches nothing is an error",
    given: {
      file: "overlays/base.yaml",
      options: { overlays: [fixture("overlays/not-found.yaml")] },
    },
    want: [
      `${F}/overlays/not-found.yaml:6:5 #/actions/1/target error OVL002 overlay target matches nothing: $.paths['/cluster/delete'].delete (the spec may have changed; fix or delete this action)`,
    ],
  },
  {
    name: "OVL003 invalid JSONPath",
    given: {
      file: "overlays/base.yaml",
      options: { overlays: [fixture("overlays/bad-path.yaml")] },
    },
    want: [
      `${F}/overlays/bad-path.yaml:4:5 #/actions/0/target error OVL003 invalid JSONPath "paths['/cluster/create']": a JSONPath must start with "$" (see RFC 9535, e.g. $.paths['/pets'].get)`,
      `${F}/overlays/bad-path.yaml:6:5 #/actions/1/target error OVL003 invalid JSONPath "$.paths['/cluster/create'": unexpected end of path at character 26 (see RFC 9535, e.g. $.paths['/pets'].get)`,
    ],
  },
  {
    name: "refs added by an overlay are checked; located at the deepest node in the source",
    given: {
      file: "overlays/base.yaml",
      options: { overlays: [fixture("overlays/adds-ref.yaml")] },
    },
    want: [
      `${F}/overlays/base.yaml:19:7 #/paths/~1cluster~1create/post/responses/400/$ref error REF001 unresolved $ref "#/components/responses/BadRequest": no "components" in # (check the name, or define the target)`,
    ],
  },
  {
    name: "unreadable overlays are reported with the usual read codes",
    given: {
      file: "overlays/base.yaml",
      options: {
        overlays: [fixture("overlays/missing.yaml"), fixture("errors/invalid-yaml.yaml")],
      },
    },
    want: [
      `${F}/errors/invalid-yaml.yaml:4:11 # error LOAD002 invalid YAML: bad indentation of a mapping entry (fix the syntax error at this position)`,
      `${F}/overlays/missing.yaml:0:0 # error LOAD001 file not found (check the path)`,
    ],
  },
];

describe("load diagnostics", () => {
  test.each(cases)("$name", async ({ given, want }) => {
    expect(await diagnosticLines(fixture(given.file), given.options)).toEqual(want);
  });
});
