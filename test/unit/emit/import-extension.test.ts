// importExtension "ts": relative specifiers name the .ts files; nothing else changes.
import { describe, expect, it } from "vitest";
import { withTsSpecifiers } from "../../../generator/emit/import-extension.js";

describe("withTsSpecifiers", () => {
  it.each([
    { given: 'import { a } from "./runtime/a.js";', want: 'import { a } from "./runtime/a.ts";' },
    { given: 'export type * from "./types.js";', want: 'export type * from "./types.ts";' },
    { given: '} from "../x/y.js";', want: '} from "../x/y.ts";' },
    {
      given: 'type T = import("./runtime/types.js").LroSpec;',
      want: 'type T = import("./runtime/types.ts").LroSpec;',
    },
    // Not relative, not an import, or not .js: left alone.
    { given: 'import { z } from "zod.js";', want: 'import { z } from "zod.js";' },
    { given: 'const path = "./a.js";', want: 'const path = "./a.js";' },
    { given: 'import data from "./data.json";', want: 'import data from "./data.json";' },
  ])("$given", ({ given, want }) => {
    expect(withTsSpecifiers([{ path: "index.ts", text: given }])[0].text).toBe(want);
  });

  it("leaves files other than .ts alone", () => {
    const readme = { path: "README.md", text: 'import { a } from "./index.js";' };
    expect(withTsSpecifiers([readme])).toEqual([readme]);
  });
});
