// emit: Model.Api -> formatted files, sorted by path.
import type { Api } from "../model/api.js";
import { formatFiles, type RenderedFile } from "./format.js";
import { plan } from "./plan.js";
import { render } from "./render.js";

/** `onFormat` is told when rendering is done and formatting starts (for progress lines). */
export async function emit(api: Api, onFormat?: () => void): Promise<RenderedFile[]> {
  const planned = plan(api);
  // The runtime is committed already formatted (a test holds it to that): copied as it is.
  const verbatim = planned.filter((f) => "text" in f).map((f) => ({ path: f.path, text: (f as { text: string }).text }));
  const rendered = planned.filter((f) => "template" in f).map((f) => {
    const { template, view } = f as { template: string; view: object };
    return { path: f.path, text: render(template, view) };
  });
  onFormat?.();
  const formatted = await formatFiles(rendered);
  return [...formatted, ...verbatim].sort((a, b) => (a.path < b.path ? -1 : 1));
}
