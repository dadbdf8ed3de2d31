// The small program each host compiles and runs: one plain call, one error, one poller, one
// paginated list. TypeScript (every TS host) and JavaScript with JSDoc (checkJs, webpack).

/** main.ts: imports the client as `./api/index<ext>`. */
export function typescriptProgram(baseUrl: string, ext: ".js" | ".ts" = ".js"): string {
  return `import { ApiError, createJobsClient, NotFoundError } from "./api/index${ext}";

const client = createJobsClient({ baseUrl: ${JSON.stringify(baseUrl)}, retry: { maxRetries: 0 } });

async function main(): Promise<string> {
  const job = await client.getJob({ job_id: "j1" });
  let error = "none";
  try {
    await client.getJob({ job_id: "missing" });
  } catch (caught) {
    if (caught instanceof NotFoundError) error = \`NotFoundError \${caught.status}\`;
    else if (caught instanceof ApiError) error = \`ApiError \${caught.status}\`;
    else throw caught;
  }
  const waited = await client.createJobAndWait({ body: { script: "echo" } }, { intervalMs: 5 });
  const items: string[] = [];
  for await (const item of client.listJobs()) items.push(item.id);
  return JSON.stringify({ job: job.status, error, waited: waited.status, items });
}

main().then((line) => console.log(line));
`;
}

/** main.js: the same in JavaScript, typed with JSDoc for checkJs hosts. */
export function javascriptProgram(baseUrl: string): string {
  return `import { ApiError, createJobsClient, NotFoundError } from "./api/index.js";

const client = createJobsClient({ baseUrl: ${JSON.stringify(baseUrl)}, retry: { maxRetries: 0 } });

/** @returns {Promise<string>} */
async function main() {
  const job = await client.getJob({ job_id: "j1" });
  let error = "none";
  try {
    await client.getJob({ job_id: "missing" });
  } catch (caught) {
    if (caught instanceof NotFoundError) error = \`NotFoundError \${caught.status}\`;
    else if (caught instanceof ApiError) error = \`ApiError \${caught.status}\`;
    else throw caught;
  }
  const waited = await client.createJobAndWait({ body: { script: "echo" } }, { intervalMs: 5 });
  /** @type {string[]} */
  const items = [];
  for await (const item of client.listJobs()) items.push(item.id);
  return JSON.stringify({ job: job.status, error, waited: waited.status, items });
}

main().then((line) => console.log(line));
`;
}
