// Which of the test server's coverage scenarios belong to which swagger. The server keeps one
// global list of scenario names; we attribute them three ways, all read from the installed server:
// - mock-api routes: by URI, when the route's path is one of the swagger's paths;
// - legacy modules that register their own names (lros.js, paging.js): by module;
// - legacy names listed centrally in the server's legacy.js: by the name patterns below, read off
//   the legacy route files (complex.js counts "getComplex..."/"putComplex...", and so on).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** One swagger of the suite and how its scenarios are found. */
export interface SuiteSwagger {
  /** File name in the server's swagger folder, without .json. */
  readonly name: string;
  /** Legacy route modules whose self-registered names all belong to this swagger. */
  readonly legacyModules?: readonly string[];
  /** Centrally listed legacy names that belong to this swagger. */
  readonly legacyNames?: RegExp;
  /** Names a module above registers for another swagger. */
  readonly otherSwaggers?: RegExp;
  /** Mock-api routes whose URIs are not the swagger's paths (an LRO's poll URL): by name. */
  readonly routeNames?: RegExp;
}

export const suiteSwaggers: readonly SuiteSwagger[] = [
  // The double-headers LRO's poll URLs are no path of the swagger.
  { name: "lro", legacyModules: ["lros.js"], routeNames: /^LROPostDoubleHeadersFinalLocation/ },
  {
    name: "paging",
    legacyModules: ["paging.js"],
    otherSwaggers: /^PagingCustomUrl/, // custom-baseUrl-paging.json
  },
  {
    name: "url",
    legacyNames: /^Url(Paths|Queries|PathItem)/,
    otherSwaggers: /^UrlQueriesArrayMulti/, // url-multi-collectionFormat.json
  },
  { name: "header", legacyModules: ["header.js"], legacyNames: /^Header(Parameter|Response)/ },
  { name: "httpInfrastructure" },
  { name: "body-string" },
  {
    name: "body-complex",
    legacyModules: ["complex.js"],
    legacyNames: /^(get|put)Complex/,
  },
  { name: "body-array" },
  { name: "body-dictionary", legacyNames: /^(get|put)Dictionary/ },
  { name: "body-boolean" },
  { name: "body-byte" },
  {
    name: "body-integer",
    legacyNames: /^(get|put)(Integer|Long)|^(get|put)(Null|Invalid)?UnixTime$/,
  },
  { name: "body-number", legacyNames: /^(get|put)(Float|Double|Decimal)|^getNumberNull$/ },
  { name: "body-date", legacyNames: /^(get|put)Date(Invalid|Max|Min|Null|Overflow|Underflow)$/ },
  {
    name: "body-datetime",
    legacyModules: ["datetime.js"],
    legacyNames: /^(get|put)DateTime(?!Rfc1123)/,
  },
  { name: "body-datetime-rfc1123", legacyNames: /^(get|put)DateTimeRfc1123/ },
  { name: "body-duration", legacyNames: /^(get|put)Duration(Invalid|Negative|Null|Positive)$/ },
  { name: "any-type" },
  { name: "body-time", legacyModules: ["time.js"] },
  { name: "url-multi-collectionFormat", legacyNames: /^UrlQueriesArrayMulti/ },
  { name: "multiple-inheritance", legacyModules: ["multipleInheritance.js"] },
  { name: "non-string-enum", legacyModules: ["nonStringEnums.js"] },
  { name: "validation", legacyNames: /^ConstantsIn(Path|Body)$/ },
  { name: "constants" },
  { name: "additionalProperties" },
  {
    name: "extensible-enums-swagger",
    legacyNames: /^(expected|unexpected|allowedValue|roundTrip)Enum$/,
  },
  {
    name: "xms-error-responses",
    legacyModules: ["errorStatusCodes.js"],
    legacyNames:
      /^(expectedNoErrors|expectedPet(Sad|Hungry)Error|intError|stringError|animalNotFoundError|linkNotFoundError)$/,
  },
  { name: "body-file", legacyModules: ["files.js"] },
  { name: "client-enum" },
  { name: "xml-service", legacyModules: ["xml.js"] },
  {
    name: "multiapi-v1-custom-base-url",
    legacyModules: ["multiapiCustomBaseUrl.js"],
    otherSwaggers: /^(?!MultiapiCustomBaseUrlApiVersionOne$)/,
  },
  {
    name: "multiapi-v2-custom-base-url",
    legacyModules: ["multiapiCustomBaseUrl.js"],
    otherSwaggers: /^(?!MultiapiCustomBaseUrlApiVersionTwo$)/,
  },
  // multiapi.js names each scenario after the API version that reaches it.
  {
    name: "multiapi-v1",
    legacyModules: ["multiapi.js"],
    otherSwaggers: /^(?!Multiapi\w*ApiVersionOne$|MultiapiLRO)/,
  },
  {
    name: "multiapi-v2",
    legacyModules: ["multiapi.js"],
    otherSwaggers: /^(?!Multiapi\w*ApiVersionTwo$)/,
  },
  {
    name: "multiapi-v3",
    legacyModules: ["multiapi.js"],
    otherSwaggers: /^(?!Multiapi\w*ApiVersionThree(JSON|PDF)?$|Multiapi(OperationGroup)?Paging$)/,
  },
  { name: "body-formdata", legacyModules: ["formData.js"] },
  { name: "media_types", legacyModules: ["mediatypes.js"] },
  { name: "model-flattening", legacyNames: /ModelFlatten/ },
  { name: "object-type", legacyModules: ["objectType.js"] },
  { name: "merge-patch" },
  { name: "security-key" },
  { name: "security-aad" },
  { name: "error-with-secrets" },
  { name: "body-binary" },
  { name: "body-formdata-urlencoded" },
  { name: "reserved-words" },
  { name: "incorrect-error-response" },
  { name: "azure-special-properties", legacyModules: ["azureSpecials.js"] },
  { name: "subscriptionId-apiVersion", legacyModules: ["azureUrl.js"] },
  { name: "azure-parameter-grouping", legacyModules: ["azureParameterGrouping.js"] },
  // The server names an optional-value scenario (OptionalIntegerHeader, ...) only once it is hit.
  {
    name: "required-optional",
    legacyNames: /^Optional(Array|Class|Integer|String)(Header|Parameter|Property)$/,
  },
  { name: "custom-baseUrl", legacyNames: /^CustomBaseUri$/ },
  { name: "custom-baseUrl-more-options", legacyNames: /^CustomBaseUriMoreOptions$/ },
  {
    name: "custom-baseUrl-paging",
    legacyModules: ["paging.js"],
    otherSwaggers: /^(?!PagingCustomUrl)/, // paging.json's
  },
  { name: "parameterized-endpoint" },
  {
    name: "lro-parameterized-endpoints",
    legacyModules: ["lroParameterizedEndpoints.js"],
    routeNames: /^LROConstantParameterized/,
  },
];

interface Registry {
  readonly routes: readonly { uri: string; method: string; name: string }[];
  readonly legacyModules: Readonly<Record<string, readonly string[]>>;
}

let registry: Registry | undefined;

function readRegistry(): Registry {
  registry ??= JSON.parse(
    execFileSync(process.execPath, [path.resolve("test/conformance/enumerate.cjs")], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as Registry;
  return registry;
}

/**
 * "/a/{b}/c" and "/a/:b/c" both become "/a/*\/c". Route URIs are Express patterns, where a literal
 * "-" or "(" is escaped ("/array/prim/integer/1.\\-1.3.300"): unescaped, they are the swagger's path.
 */
function pathShape(template: string): string {
  return template
    .replace(/\\(.)/g, "$1")
    .replace(/\{[^}]+\}/g, "*")
    .replace(/:[A-Za-z0-9_]+/g, "*")
    .replace(/\/$/, "");
}

/**
 * A swagger path and a route's the server answers alike: segment by segment equal, ignoring case
 * (Express routes are case-insensitive: "/payloads/default/a/..." serves the swagger's "/A/"), or
 * either a parameter (the route's page parameter answers the swagger's literal first page).
 */
function sameRoute(swaggerPath: string, routePath: string): boolean {
  const a = swaggerPath.toLowerCase().split("/");
  const b = routePath.toLowerCase().split("/");
  return (
    a.length === b.length && a.every((part, i) => part === b[i] || part === "*" || b[i] === "*")
  );
}

function swaggerPaths(swaggerFile: string): Set<string> {
  const document = JSON.parse(readFileSync(swaggerFile, "utf8").replace(/^\uFEFF/, "")) as {
    paths?: Record<string, unknown>;
    "x-ms-paths"?: Record<string, unknown>;
  };
  const templates = [
    ...Object.keys(document.paths ?? {}),
    ...Object.keys(document["x-ms-paths"] ?? {}).map((key) => key.split("?")[0]!),
  ];
  return new Set(templates.map(pathShape));
}

/**
 * The scenario names of one swagger, sorted. `allNames` is every name in the coverage reports
 * (names listed centrally in legacy.js are only known from there).
 */
export function scenariosOf(
  swagger: SuiteSwagger,
  swaggerDir: string,
  allNames: Iterable<string>,
): string[] {
  const { routes, legacyModules } = readRegistry();
  const paths = [...swaggerPaths(path.join(swaggerDir, `${swagger.name}.json`))];
  const names = new Set<string>();
  for (const route of routes) {
    const shape = pathShape(route.uri);
    if (paths.some((p) => sameRoute(p, shape)) || swagger.routeNames?.test(route.name))
      names.add(route.name);
  }
  for (const module of swagger.legacyModules ?? []) {
    for (const name of legacyModules[module] ?? []) names.add(name);
  }
  if (swagger.legacyNames) {
    const registered = new Set([
      ...routes.map((route) => route.name),
      ...Object.values(legacyModules).flat(),
    ]);
    for (const name of allNames) {
      if (!registered.has(name) && swagger.legacyNames.test(name)) names.add(name);
    }
  }
  return [...names].filter((name) => !swagger.otherSwaggers?.test(name)).sort();
}
