// A string that matches a JSON Schema `pattern`, for the common subset real specs use: literals,
// escapes (\d \w \s \. ...), classes ([a-z0-9_-], negated ones), groups with alternation (first
// branch), quantifiers (? * + {n} {n,} {n,m}) and anchors. openapi-sampler's own generator gets
// "(ak|api_key)_[0-9A-F]{32}" wrong; this only has to be right, not random.
// Returns undefined when the pattern uses something else (lookarounds, backreferences).

type Node =
  | { kind: "char"; text: string }
  | { kind: "group"; branches: Node[][] }
  | { kind: "repeat"; node: Node; min: number; max: number };

export function stringForPattern(pattern: string, minLength = 0): string | undefined {
  try {
    const parser = new Parser(pattern);
    const branches = parser.alternation();
    if (!parser.done()) return undefined;
    let text = render(branches[0]);
    // Pad through the first open-ended repeat if the result is too short.
    for (let extra = 1; text.length < minLength && extra <= minLength; extra++)
      text = render(branches[0], extra);
    const regex = new RegExp(pattern, "u");
    return regex.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The shortest match, with `extra` more repetitions in the first repeat that allows them. */
function render(nodes: Node[], extra = 0): string {
  const state = { extra };
  const walk = (list: Node[]): string => {
    let out = "";
    for (const node of list) {
      if (node.kind === "char") out += node.text;
      else if (node.kind === "group") out += walk(node.branches[0]);
      else {
        let count = node.min;
        if (state.extra > 0 && node.max > node.min) {
          count = Math.min(node.max, node.min + state.extra);
          state.extra = 0;
        }
        for (let i = 0; i < count; i++) out += walk([node.node]);
      }
    }
    return out;
  };
  return walk(nodes);
}

class Parser {
  #i = 0;
  constructor(readonly source: string) {}

  done(): boolean {
    return this.#i >= this.source.length;
  }

  alternation(): Node[][] {
    const branches: Node[][] = [this.sequence()];
    while (this.source[this.#i] === "|") {
      this.#i++;
      branches.push(this.sequence());
    }
    return branches;
  }

  sequence(): Node[] {
    const nodes: Node[] = [];
    while (!this.done() && this.source[this.#i] !== "|" && this.source[this.#i] !== ")") {
      const atom = this.atom();
      if (atom === undefined) continue;
      nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  atom(): Node | undefined {
    const c = this.source[this.#i++];
    if (c === "^" || c === "$") return undefined;
    if (c === "(") {
      if (this.source.startsWith("?:", this.#i)) this.#i += 2;
      else if (this.source[this.#i] === "?") throw new Error("lookaround");
      const branches = this.alternation();
      if (this.source[this.#i++] !== ")") throw new Error("unclosed group");
      return { kind: "group", branches };
    }
    if (c === "[") return { kind: "char", text: this.characterClass() };
    if (c === "\\") return { kind: "char", text: escapeChar(this.source[this.#i++]) };
    if (c === ".") return { kind: "char", text: "a" };
    return { kind: "char", text: c };
  }

  quantified(node: Node): Node {
    const c = this.source[this.#i];
    let min: number | undefined;
    let max = Infinity;
    if (c === "?") [min, max] = [0, 1];
    else if (c === "*") min = 0;
    else if (c === "+") min = 1;
    else if (c === "{") {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#i));
      if (match) {
        this.#i += match[0].length - 1;
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
      }
    }
    if (min === undefined) return node;
    this.#i++;
    if (this.source[this.#i] === "?") this.#i++;
    return { kind: "repeat", node, min, max };
  }

  /** The first character a class allows (skipping the negated set's members). */
  characterClass(): string {
    let negated = false;
    if (this.source[this.#i] === "^") {
      negated = true;
      this.#i++;
    }
    const members: string[] = [];
    let first = true;
    while (this.source[this.#i] !== "]" || first) {
      first = false;
      if (this.done()) throw new Error("unclosed class");
      let c = this.source[this.#i++];
      if (c === "\\") c = escapeChar(this.source[this.#i++]);
      if (this.source[this.#i] === "-" && this.source[this.#i + 1] !== "]") {
        this.#i++;
        let end = this.source[this.#i++];
        if (end === "\\") end = escapeChar(this.source[this.#i++]);
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0) && members.length < 500; code++)
          members.push(String.fromCharCode(code));
      } else members.push(c);
    }
    this.#i++;
    if (!negated) return members[0];
    return ["a", "b", "x", "1", "_", "Z"].find((candidate) => !members.includes(candidate)) ?? "q";
  }
}

function escapeChar(c: string): string {
  if (c === "d") return "1";
  if (c === "w") return "a";
  if (c === "s") return " ";
  if (c === "D" || c === "W" || c === "S") return "-";
  if (c === "n") return "\n";
  if (c === "t") return "\t";
  return c;
}
