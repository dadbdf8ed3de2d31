// An isolated Handlebars instance: strict (a missing view field is an error, not an empty string),
// no HTML escaping (we emit TypeScript; views already made every string safe), no helpers.
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** templates/ beside generator/ (also when bundled into dist/). */
export const templatesDir = findTemplatesDir();

function findTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, "templates");
    try {
      readFileSync(path.join(candidate, "client.ts.hbs"));
      return candidate;
    } catch {
      dir = path.dirname(dir);
    }
  }
  throw new Error("clientgen: templates/ folder not found beside the generator");
}

const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Render `templates/<name>` with a view object. */
export function render(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(path.join(templatesDir, name), "utf8");
    template = handlebars.compile(source, { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: { if: true, each: true, unless: true } });
    compiled.set(name, template);
  }
  return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
