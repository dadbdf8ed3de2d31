// What installing a generator costs a user: `npm i -D <package>` into an empty project with an
// empty npm cache (so downloads count), for clientgen (its packed tarball), hey-api and orval.
// Prints install time, node_modules size and package count. Run by hand: node test/bench/install-cost.mjs
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const work = mkdtempSync(path.join(os.tmpdir(), "clientgen-install-cost-"));
const packed = execFileSync("npm", ["pack", "--pack-destination", work, "--loglevel=error"], {
  encoding: "utf8",
})
  .trim()
  .split("\n")
  .at(-1);
const candidates = [
  ["clientgen", path.join(work, packed)],
  ["@hey-api/openapi-ts", "@hey-api/openapi-ts"],
  ["orval", "orval"],
];

function sizeOf(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += sizeOf(full);
    else if (entry.isFile()) bytes += statSync(full).size;
  }
  return bytes;
}

const rows = [];
for (const [name, spec] of candidates) {
  const project = path.join(work, name.replace(/\W/g, "_"));
  mkdirSync(project);
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "empty", version: "1.0.0", private: true }),
  );
  const started = performance.now();
  execFileSync(
    "npm",
    [
      "i",
      "-D",
      spec,
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      "--cache",
      path.join(project, ".npm-cache"),
    ],
    { cwd: project, stdio: "inherit" },
  );
  const seconds = (performance.now() - started) / 1000;
  const lock = JSON.parse(readFileSync(path.join(project, "package-lock.json"), "utf8"));
  const packages = Object.keys(lock.packages).filter((p) => p !== "").length;
  const version = JSON.parse(
    readFileSync(path.join(project, "node_modules", name, "package.json"), "utf8"),
  ).version;
  rows.push(
    `| ${name} ${version} | ${seconds.toFixed(1)} s | ${(sizeOf(path.join(project, "node_modules")) / 1e6).toFixed(1)} MB | ${packages} |`,
  );
}
console.log("| package | install time | node_modules | packages |\n|---|---:|---:|---:|");
console.log(rows.join("\n"));
rmSync(work, { recursive: true, force: true });
