// A quick pointer -> position finder for the common layouts (block-style YAML, pretty-printed JSON),
// by indentation alone. Parsing a 2 MB spec with `yaml` only to place one warning costs most of a
// second; scanning lines costs milliseconds. Anything unusual (flow style, anchors, complex keys,
// a key not found) returns undefined and the caller falls back to the full parse.
import type { Position } from "./locate.js";

/** Lines of a file with their indentation, computed once per file. */
export interface ScannedLines {
  indents: number[];
  lines: string[];
}

export function scanLines(text: string): ScannedLines {
  const lines = text.split(/\r?\n/);
  const indents = lines.map((line) => {
    const trimmed = line.trimStart();
    return trimmed === "" || trimmed.startsWith("#") ? -1 : line.length - trimmed.length;
  });
  return { indents, lines };
}

/** Position of the key (maps) or the item (arrays) a pointer names; undefined when unsure. */
export function locateByIndentation(scan: ScannedLines, segments: string[]): Position | undefined {
  let line = firstContentLine(scan, 0);
  if (line === undefined) return undefined;
  if (segments.length === 0) return { line: line + 1, col: scan.indents[line] + 1 };
  // The root: for JSON a `{` line whose children are indented; for YAML the top-level keys.
  let parentIndent = isJsonOpen(scan.lines[line]) ? scan.indents[line] : -1;
  let from = isJsonOpen(scan.lines[line]) ? line + 1 : line;
  let found: Position | undefined;
  let dashLine: number | undefined;
  let dashWidth = 0;
  for (const segment of segments) {
    const step = findChild(scan, from, parentIndent, segment, dashLine, dashWidth);
    if (!step) return undefined;
    found = { line: step.line + 1, col: step.col + 1 };
    dashLine = undefined;
    if (step.isDashItem) {
      // `- key: value`: the item is a mapping whose first key shares the dash's line.
      dashLine = step.line;
      dashWidth = step.dashWidth ?? 2;
      parentIndent = step.indent - dashWidth;
      from = step.line;
      continue;
    }
    parentIndent = step.indent;
    from = step.line + 1;
    // A value that starts on the key's line (`key: value`, flow style) has no children to follow.
    if (step.isInline) return segment === segments[segments.length - 1] ? found : undefined;
  }
  return found;
}

function firstContentLine(scan: ScannedLines, from: number): number | undefined {
  for (let i = from; i < scan.lines.length; i++) if (scan.indents[i] >= 0) return i;
  return undefined;
}

function isJsonOpen(line: string): boolean {
  const t = line.trim();
  return t === "{" || t === "[";
}

interface Step {
  col: number;
  indent: number;
  /** An array item `- key: ...` whose mapping starts on the dash line. */
  isDashItem?: boolean;
  /** Columns from the dash to the item's content (`- ` is 2, `-   ` is 4). */
  dashWidth?: number;
  /** The child's value starts on the same line and continues in a form we do not follow. */
  isInline: boolean;
  line: number;
}

/** Among the lines after `from` indented deeper than `parentIndent`, the one for `segment`. */
function findChild(
  scan: ScannedLines,
  from: number,
  parentIndent: number,
  segment: string,
  dashLine?: number,
  dashWidth = 2,
): Step | undefined {
  const first = firstContentLine(scan, from);
  if (first === undefined) return undefined;
  // On a dash line the mapping's keys sit two columns right of the dash.
  const indentOf = (i: number): number => (i === dashLine ? scan.indents[i] + dashWidth : scan.indents[i]);
  if (indentOf(first) <= parentIndent) return undefined;
  const childIndent = indentOf(first);
  const isArray = first !== dashLine && (/^(- |-$)/.test(scan.lines[first].trimStart()) || isJsonArrayItem(scan, first, parentIndent));
  let index = 0;
  for (let i = first; i < scan.lines.length; i++) {
    const indent = indentOf(i);
    if (scan.indents[i] < 0) continue;
    if (indent <= parentIndent) break;
    if (indent !== childIndent) continue;
    const text = scan.lines[i].slice(indent);
    if (/^[}\]],?$/.test(text)) continue; // JSON: the end of the previous sibling
    if (/^[&*!?|>]/.test(text) || text.startsWith("{") && !isArray) return undefined;
    if (isArray) {
      if (String(index) === segment) {
        const dash = /^-\s+/.exec(text)?.[0].length ?? 0;
        const rest = text.slice(dash);
        const isDashItem = dash > 0 && keyOf(rest) !== undefined;
        return { col: indent + dash, dashWidth: dash, indent: indent + dash, isDashItem, isInline: dash > 0 && rest !== "" && !isDashItem, line: i };
      }
      index++;
      continue;
    }
    const key = keyOf(text);
    if (key === undefined) return undefined;
    if (key.name === segment) return { col: indent, indent, isInline: /[{[]\s*,?$/.test(key.rest) ? false : key.rest.trim() !== "", line: i };
  }
  return undefined;
}

/** In JSON, array items are lines like `{`, `"x",` or `1,` without a key. */
function isJsonArrayItem(scan: ScannedLines, line: number, parentIndent: number): boolean {
  if (parentIndent < 0) return false;
  const text = scan.lines[line].trim();
  return !/^("(?:[^"\\]|\\.)*"|[^:"]+)\s*:/.test(text) && text !== "}" && text !== "]";
}

/** The key at the start of a mapping line (plain, single- or double-quoted) and what follows its colon. */
function keyOf(text: string): { name: string; rest: string } | undefined {
  let match = /^"((?:[^"\\]|\\.)*)"\s*:(?:\s|$)(.*)$/.exec(text);
  if (match) {
    try {
      return { name: JSON.parse(`"${match[1]}"`) as string, rest: match[2] };
    } catch {
      return undefined;
    }
  }
  match = /^'((?:[^']|'')*)'\s*:(?:\s|$)(.*)$/.exec(text);
  if (match) return { name: match[1].replace(/''/g, "'"), rest: match[2] };
  match = /^([^\s"'#{[][^:#]*?)\s*:(?:\s|$)(.*)$/.exec(text);
  if (match) return { name: match[1], rest: match[2] };
  return undefined;
}
