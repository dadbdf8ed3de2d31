// Prints, as JSON, every scenario the AutoRest test server registers and where: the routes of its
// mock-api (uri, method -> scenario name) and the names each legacy route module registers itself.
// Legacy modules that do not register their own names are listed in the server's legacy.js; the
// harness attributes those by name (scenarios.ts). Run with node, cwd = repository root.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const packageDir = path.resolve("node_modules/@microsoft.azure/autorest.testserver");
// The server logs every registration on stdout; keep stdout for our JSON only.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
const { app } = require(path.join(packageDir, "dist/api"));
const { requireMockRoutes, ROUTE_FOLDER } = require(path.join(packageDir, "dist/app/app.js"));

(async () => {
  await requireMockRoutes(ROUTE_FOLDER);
  const routes = [];
  for (const [uri, methods] of app.registeredRoutes) {
    for (const [method, name] of Object.entries(methods))
      if (name) routes.push({ uri, method, name });
  }
  const legacyDir = path.join(packageDir, "legacy/routes");
  const legacyModules = {};
  for (const file of fs.readdirSync(legacyDir).sort()) {
    if (!file.endsWith(".js")) continue;
    const coverage = {};
    const optional = {};
    const Module = require(path.join(legacyDir, file));
    if (typeof Module !== "function") continue;
    try {
      new Module(coverage, optional);
    } catch {
      continue; // a router module (index.js), not a scenario module
    }
    legacyModules[file] = [...Object.keys(coverage), ...Object.keys(optional)];
  }
  write(JSON.stringify({ routes, legacyModules }));
  process.exit(0);
})();
