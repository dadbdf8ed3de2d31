// locate(): pointer -> 1-based line:col, in YAML (block and flow) and JSON; map entries at their key.
import { describe, expect, test } from "vitest";
import { createLocator } from "../../../generator/load/locate.js";
import { fixture } from "./helpers.js";

const cases = [
  { file: "locate/block.yaml", pointer: "#", want: "1:1" },
  { file: "locate/block.yaml", pointer: "#/paths", want: "2:1" },
  { file: "locate/block.yaml", pointer: "#/paths/~1pets~1{id}/get", want: "4:5" },
  { file: "locate/block.yaml", pointer: "#/paths/~1pets~1%7Bid%7D/get/parameters/0", want: "6:11" },
  { file: "locate/block.yaml", pointer: "#/paths/~1pets~1{id}/get/parameters/0/in", want: "7:11" },
  { file: "locate/block.yaml", pointer: "#/paths/quoted key/summary", want: "9:5" },
  { file: "locate/block.yaml", pointer: "#/paths/quoted%20key", want: "8:3" },
  { file: "locate/block.yaml", pointer: "#/paths/a~0b/summary", want: "11:5" },
  { file: "locate/block.yaml", pointer: "#/list/1", want: "14:7" },
  { file: "locate/block.yaml", pointer: "/list/0", want: "13:5" },
  { file: "locate/block.yaml", pointer: "#/paths/~1pets~1{id}/post/responses", want: "3:3" },
  { file: "locate/block.yaml", pointer: "#/list/7", want: "12:1" },
  { file: "locate/block.yaml", pointer: "#/nope", want: "1:1" },
  { file: "locate/flow.yaml", pointer: "#/paths/~1pets/get/summary", want: "2:25" },
  { file: "locate/flow.yaml", pointer: "#/paths/~1x", want: "2:42" },
  { file: "locate/flow.yaml", pointer: "#/tags/1/name", want: "3:20" },
  { file: "locate/doc.json", pointer: "#/paths/~1pets~1{id}/get/tags/1", want: "5:49" },
  { file: "locate/doc.json", pointer: "#/paths/a~0b", want: "7:5" },
  { file: "locate/doc.json", pointer: "#/paths/a~0b/missing", want: "7:5" },
  {
    file: "basic/merge-keys.yaml",
    pointer: "#/components/schemas/Derived/description",
    want: "8:7",
  },
  { file: "locate/missing-file.yaml", pointer: "#/a", want: "0:0" },
];

describe("locate", () => {
  const locate = createLocator();
  test.each(cases)("$file $pointer", ({ file, pointer, want }) => {
    const { line, col } = locate(fixture(file), pointer);
    expect(`${line}:${col}`).toBe(want);
  });
});
