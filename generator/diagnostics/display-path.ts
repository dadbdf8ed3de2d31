// Diagnostics name files the way a user typed them: relative to where the tool runs, "/" everywhere,
// so the printed lines are the same on every machine and clickable in editors.
import path from "node:path";

/** An absolute path as shown in diagnostics: relative to process.cwd(), forward slashes. */
export function displayPath(absoluteFile: string): string {
  const relative = path.relative(process.cwd(), absoluteFile) || ".";
  return relative.split(path.sep).join("/");
}
