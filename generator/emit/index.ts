// emit: Model.Api -> formatted files, sorted by path.
import type { Api } from "../model/api.js";
import { formatFiles, type RenderedFile } from "./format.js";
import { plan } from "./plan.js";
import { render } from "./render.js";

export async function emit(api: Api): Promise<RenderedFile[]> {
  const rendered = plan(api).map((file) => ({
    path: file.path,
    text: "text" in file ? file.text : render(file.template, file.view),
  }));
  return formatFiles(rendered);
}
