// Which parts of a rendered file prettier must see. Views lay declarations out as prettier prints
// them; a declaration they could not lay out (a long or marked line) is cut down to its unsure
// members, so a 1 MB client interface with one unusual method costs prettier one method.
import { printWidth } from "./views/layout.js";
import { unsureMark } from "./views/type-expression.js";

/**
 * Text prettier must format: `member` between the opening lines and closing lines of the blocks
 * around it (outermost first / last), so prettier sees it at the same columns as in the file.
 */
export interface PrettierJob {
  closes: string[];
  member: string;
  opens: string[];
}

/** A top-level declaration: lines kept as they are, and jobs whose results go in their place. */
export interface DeclarationPlan {
  declaration: string;
  pieces: (string | PrettierJob)[];
}

/** The top-level declarations of a file (separated by blank lines), each planned. */
export function planFile(text: string): DeclarationPlan[] {
  const declarations = text
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .split(/\n\n(?=\S)/);
  return declarations.map((declaration) => ({ declaration, pieces: planDeclaration(declaration) }));
}

function planDeclaration(declaration: string): (string | PrettierJob)[] {
  if (isPrettierStable(declaration)) return [declaration];
  const lines = declaration.split("\n");
  const head = lines.findIndex((line) => !isCommentLine(line));
  if (
    head < 0 ||
    !isBlock(lines.slice(head), 0) ||
    !isPrettierStable(lines.slice(0, head + 1).join("\n"))
  ) {
    return [{ closes: [], member: declaration, opens: [] }];
  }
  const close = lines[lines.length - 1];
  return [
    lines.slice(0, head + 1).join("\n"),
    ...planMembers(lines.slice(head + 1, -1), [lines[head]], [close]),
    close,
  ];
}

/** Stable members stay; a nested block is opened in turn; any other member becomes a job. */
function planMembers(lines: string[], opens: string[], closes: string[]): (string | PrettierJob)[] {
  const pieces: (string | PrettierJob)[] = [];
  for (const member of splitMembers(lines)) {
    const text = member.join("\n");
    const head = member.findIndex((line) => !isCommentLine(line));
    if (isPrettierStable(text)) {
      pieces.push(text);
    } else if (
      head >= 0 &&
      isBlock(member.slice(head), opens.length * 2) &&
      isPrettierStable(member.slice(0, head + 1).join("\n"))
    ) {
      const close = member[member.length - 1];
      pieces.push(
        member.slice(0, head + 1).join("\n"),
        ...planMembers(member.slice(head + 1, -1), [...opens, member[head]], [close, ...closes]),
        close,
      );
    } else {
      pieces.push({ closes, member: text, opens });
    }
  }
  return pieces;
}

/** `head {` ... `}` (or `};`) at `indent` with members in between. */
function isBlock(lines: string[], indent: number): boolean {
  const close = lines[lines.length - 1];
  const pad = " ".repeat(indent);
  return (
    lines.length > 2 &&
    lines[0].startsWith(pad) &&
    lines[0].endsWith(" {") &&
    (close === `${pad}}` || close === `${pad}};`)
  );
}

/**
 * The members of a block body: a member ends on a line ending in `;` where its brackets are
 * closed again. Blank lines between members stay apart, as prettier keeps them.
 */
function splitMembers(lines: string[]): string[][] {
  const members: string[][] = [];
  let current: string[] = [];
  let depth = 0;
  for (const line of lines) {
    if (line === "" && current.length === 0) {
      members.push([line]);
      continue;
    }
    current.push(line);
    if (isCommentLine(line)) continue;
    depth += bracketBalance(line);
    if (depth === 0 && line.endsWith(";")) {
      members.push(current);
      current = [];
    }
  }
  if (current.length > 0) members.push(current);
  return members;
}

/** Opened minus closed brackets on a code line, outside string literals (`=>` is no bracket). */
function bracketBalance(line: string): number {
  let balance = 0;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{" || c === "[" || c === "(" || c === "<") balance++;
    else if (c === "}" || c === "]" || c === ")" || (c === ">" && line[i - 1] !== "=")) balance--;
  }
  return balance;
}

function isCommentLine(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed.startsWith("/**") || trimmed.startsWith("*") || trimmed.startsWith("//");
}

/**
 * True when prettier would leave the text as it is. Conservative: code lines must fit the
 * width, hold only printable ASCII and only plain double-quoted strings (prettier picks quote
 * styles itself).
 * Comment lines are free text: prettier never rewraps them.
 */
export function isPrettierStable(text: string): boolean {
  if (text.includes(unsureMark)) return false;
  for (const line of text.split("\n")) {
    if (isCommentLine(line)) {
      // prettier re-indents a JSDoc line (a tab before its `*` would move) and trims its end.
      if (line !== line.trimEnd() || /^\s*\t/.test(line)) return false;
      continue;
    }
    if (
      (line.length > printWidth && !isShortKeyString(line)) ||
      !/^[\x20-\x7e]*$/.test(line) ||
      !hasOnlyPlainStrings(line) ||
      line !== line.trimEnd()
    ) {
      return false;
    }
  }
  return true;
}

/**
 * `key: "long string",` in an object literal: with a key narrower than 5 columns prettier keeps a
 * string that cannot fit on the key's line (a longer key moves it to the next line).
 */
function isShortKeyString(line: string): boolean {
  return /^ *[A-Za-z_$][\w$]{0,3}: "[^"\\]*",$/.test(line);
}

/**
 * Strings only in double quotes and without escapes, which prettier keeps as they are (an
 * apostrophe inside, as in "won't fix", still prefers double quotes); no other quote outside them.
 */
function hasOnlyPlainStrings(line: string): boolean {
  let isInString = false;
  for (const c of line) {
    if (c === "\\") return false;
    if (c === '"') isInString = !isInString;
    else if (!isInString && (c === "'" || c === "`")) return false;
  }
  return !isInString;
}
