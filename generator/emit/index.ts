// emit: Model.Api -> formatted files, sorted by path. Pure: reads templates, writes nothing.
import type { Api } from "../model/api.js";
import { formatFiles, prettierOptions, type RenderedFile } from "./format.js";
import { plan } from "./plan.js";
import { withReachableRuntime } from "./reachable-runtime.js";
import { createRenderer } from "./render.js";
import { TemplateError } from "./template-error.js";
import { unsureMark } from "./views/type-expression.js";

export interface EmitOptions {
  /** Told when rendering is done and formatting starts (for progress lines). */
  onFormat?: () => void;
  /** A directory of templates overriding ours by file name (`client.ts.hbs`, `partials/descriptor.hbs`). */
  templates?: string;
}

export interface EmitResult {
  files: RenderedFile[];
  /** Template files read from `options.templates` (inputs of the generation, for caches and --watch). */
  templateFiles: string[];
}

export async function emit(api: Api, options: EmitOptions = {}): Promise<EmitResult> {
  const renderer = createRenderer(options.templates);
  const planned = plan(api);
  // The runtime is committed already formatted (a test holds it to that): copied as it is.
  const verbatim: RenderedFile[] = [];
  const rendered: RenderedFile[] = [];
  for (const file of planned) {
    if ("text" in file) verbatim.push({ path: file.path, text: file.text });
    // Markdown skips the TypeScript formatter.
    else if (file.isFormatted)
      verbatim.push({ path: file.path, text: renderer.render(file.template, file.view) });
    else rendered.push({ path: file.path, text: renderer.render(file.template, file.view) });
  }
  options.onFormat?.();
  // Our templates emit prettier's layout (checked per declaration); a user's may not: all of it goes through prettier.
  const formatted =
    renderer.files.length > 0 ? await formatAll(rendered) : await formatFiles(rendered);
  return {
    files: withReachableRuntime([...formatted, ...verbatim]).sort((a, b) =>
      a.path < b.path ? -1 : 1,
    ),
    templateFiles: renderer.files,
  };
}

/** Format whole files with prettier; code it cannot parse came from a user's template. */
async function formatAll(files: RenderedFile[]): Promise<RenderedFile[]> {
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => {
      try {
        // Views mark declarations they leave to prettier; prettier takes all of it here.
        const source = file.text.split(unsureMark).join("");
        return { path: file.path, text: await prettier.format(source, prettierOptions) };
      } catch (error) {
        throw new TemplateError(
          `${file.path}: the templates produced code that does not parse: ${(error as Error).message.split("\n")[0]}`,
        );
      }
    }),
  );
}
