// Templates -> text. An isolated Handlebars instance: strict (a missing view field is an error, not
// an empty string), no HTML escaping (we emit TypeScript; views already made every string safe),
// no helpers beyond if/each/unless. Templates are templates/*.hbs, partials templates/partials/*.hbs
// (used as `{{> name}}`); a user's templates directory overrides any of them by the same file name.
import type HandlebarsModule from "handlebars";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { packageRoot } from "../package-root.js";
import { sha256 } from "../shared/hash.js";
// One file for the run and the build (build-templates.mjs precompiles with the same options).
import compileOptions from "./handlebars-options.json" with { type: "json" };
import { TemplateError } from "./template-error.js";

type Handlebars = typeof HandlebarsModule;

const require = createRequire(import.meta.url);
/** Handlebars' runtime alone: our templates come precompiled (dist/templates.cjs). */
const runtime = require("handlebars/runtime") as Handlebars;
/**
 * The compiler (the full package, most of Handlebars' load time), loaded only when a template must
 * be compiled: a user's override, an edited template, a checkout without a build.
 */
let compiler: Handlebars | undefined;

/** templates/ of the clientgen package: the reference every override starts from. */
export const templatesDir = path.join(packageRoot(), "templates");

/** The options as in the file (Handlebars adds defaults to an options object it is given). */
const compileOptionsKey = JSON.stringify(compileOptions);

/** Renders templates by name (e.g. `client.ts.hbs`) with a view object. */
export interface Renderer {
  render(name: string, view: object): string;
  /** Every file of the user's templates directory that was read (inputs of the generation). */
  readonly files: string[];
}

/** Template files by relative name (`client.ts.hbs`, `partials/descriptor.hbs`) -> absolute path. */
function templateFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const sub of ["", "partials"]) {
    const folder = path.join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith(".hbs")) files.set(sub ? `${sub}/${name}` : name, path.join(folder, name));
    }
  }
  return files;
}

const defaultFiles = templateFiles(templatesDir);

/**
 * A renderer over our templates, with `overrideDir`'s files (same names, same layout) in place of
 * ours. Compiles each file once, when first used; a user's files are checked up front.
 */
export function createRenderer(overrideDir?: string): Renderer {
  const files = new Map(defaultFiles);
  const overrides = overrideDir === undefined ? [] : userTemplates(overrideDir);
  for (const [name, file] of overrides) files.set(name, file);
  const handlebars = runtime.create();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const compile = (name: string): Handlebars.TemplateDelegate => {
    let template = compiled.get(name);
    if (!template) {
      const file = files.get(name);
      if (file === undefined) throw new TemplateError(`no template ${name} in ${templatesDir}`);
      const isOurs = file === defaultFiles.get(name);
      template =
        (isOurs ? precompiled(handlebars, name, file) : undefined) ?? compileFile(handlebars, file);
      compiled.set(name, template);
    }
    return template;
  };
  for (const name of files.keys()) {
    if (name.startsWith("partials/"))
      handlebars.registerPartial(
        path.basename(name, ".hbs"),
        compileLazily(() => compile(name), files.get(name)!),
      );
  }
  // A broken override fails now, naming its file, not halfway through a generation.
  for (const [name] of overrides) compile(name);
  return {
    files: overrides.map(([, file]) => path.resolve(file)),
    render(name, view) {
      const template = compile(name);
      try {
        return template(view, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (error) {
        throw renderError(files.get(name)!, error);
      }
    },
  };
}

/** A partial that compiles its file on first use (a template compiles only what it uses). */
function compileLazily(
  get: () => Handlebars.TemplateDelegate,
  file: string,
): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return get()(context, options);
    } catch (error) {
      throw renderError(file, error);
    }
  };
}

/** Handlebars says `"x" not defined in [object Object] - 2:25`: the file and position go first. */
function renderError(file: string, error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const message = (error as Error).message.replace(/ in \[object Object\]/, "");
  const at = / - (\d+:\d+)$/.exec(message);
  const where = at ? `${file}:${at[1]}` : file;
  return new TemplateError(
    `${where}: template failed to render: ${at ? message.slice(0, at.index) : message}`,
  );
}

/**
 * Compile one file now, as the build does (precompile: the template's spec as JavaScript), into
 * the renderer's runtime instance, where its partials are registered.
 */
function compileFile(handlebars: Handlebars, file: string): Handlebars.TemplateDelegate {
  const source = readFileSync(file, "utf8");
  let code: string;
  try {
    compiler ??= require("handlebars") as Handlebars;
    // precompile adds defaults to the options object it is given: hand it a copy.
    code = `return ${compiler.precompile(source, structuredClone(compileOptions))};`;
  } catch (error) {
    throw new TemplateError(`${file}: template does not compile: ${(error as Error).message}`);
  }
  // The spec is code Handlebars generated from the template, as dist/templates.cjs holds it.
  return handlebars.template(new Function(code)());
}

interface PrecompiledTemplates {
  options: unknown;
  templates: Record<string, { sha256: string; spec: Parameters<typeof Handlebars.template>[0] }>;
}

let precompiledFile: PrecompiledTemplates | null | undefined;

/**
 * Our template `name` from dist/templates.cjs (build-templates.mjs), when built from this very
 * file with these options; undefined otherwise (no build, an edited template): then it compiles.
 */
function precompiled(
  handlebars: Handlebars,
  name: string,
  file: string,
): Handlebars.TemplateDelegate | undefined {
  if (precompiledFile === undefined) {
    try {
      const built = require(
        path.join(packageRoot(), "dist", "templates.cjs"),
      ) as PrecompiledTemplates;
      const isSameOptions = JSON.stringify(built.options) === compileOptionsKey;
      precompiledFile = isSameOptions ? built : null;
    } catch {
      precompiledFile = null;
    }
  }
  const entry = precompiledFile?.templates[name];
  if (entry === undefined) return undefined;
  return sha256(readFileSync(file, "utf8")) === entry.sha256
    ? handlebars.template(entry.spec)
    : undefined;
}

/** The `.hbs` files of a user's templates directory; each must override one of ours. */
function userTemplates(dir: string): [string, string][] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new TemplateError(`${dir}: templates directory not found`);
  const found = [...templateFiles(dir)];
  for (const [name, file] of found) {
    if (!defaultFiles.has(name)) {
      const known = [...defaultFiles.keys()].join(", ");
      throw new TemplateError(
        `${file}: overrides no template (a template or partial is replaced by a file of the same name: ${known})`,
      );
    }
  }
  if (found.length === 0)
    throw new TemplateError(
      `${dir}: no .hbs templates in it (a template or partial is replaced by a file of the same name, e.g. client.ts.hbs or partials/descriptor.hbs)`,
    );
  return found;
}

let defaultRenderer: Renderer | undefined;

/** Render one of our own templates (no overrides). */
export function render(name: string, view: object): string {
  defaultRenderer ??= createRenderer();
  return defaultRenderer.render(name, view);
}
