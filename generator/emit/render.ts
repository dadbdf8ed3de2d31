// An isolated Handlebars instance: strict (a missing view field is an error, not an empty string),
// no HTML escaping (we emit TypeScript; views already made every string safe), no helpers.
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { packageRoot } from "../package-root.js";

/** templates/ of the clientgen package. */
export const templatesDir = path.join(packageRoot(), "templates");

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
