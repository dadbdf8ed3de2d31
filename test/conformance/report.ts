// The per-swagger result table: the server's coverage judges each scenario, our own checks judge
// each call; a failure passes CI only when known-exceptions.ts lists it with a reason.
import type { Call } from "./drive.js";

export interface SwaggerResult {
  readonly swagger: string;
  /** Coverage scenario names of this swagger -> times the server saw them done right. */
  readonly scenarios: ReadonlyMap<string, number>;
  /** Calls whose outcome contradicts our own expectation, with why. */
  readonly checkFailures: readonly { call: Call; problem: string }[];
  readonly calls: number;
}

export interface Row {
  readonly swagger: string;
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
  readonly excepted: number;
  readonly calls: number;
  readonly checkFailures: number;
}

export function rowOf(result: SwaggerResult, isExcepted: (name: string) => boolean): Row {
  const failedNames = [...result.scenarios]
    .filter(([, count]) => count === 0)
    .map(([name]) => name);
  return {
    swagger: result.swagger,
    scenarios: result.scenarios.size,
    passed: result.scenarios.size - failedNames.length,
    failed: failedNames.length,
    excepted: failedNames.filter(isExcepted).length,
    calls: result.calls,
    checkFailures: result.checkFailures.length,
  };
}

export function formatTable(rows: readonly Row[]): string {
  const header = [
    "swagger",
    "scenarios",
    "passed",
    "failed",
    "excepted",
    "pass %",
    "calls",
    "check failures",
  ];
  const lines = rows.map((row) => [
    row.swagger,
    String(row.scenarios),
    String(row.passed),
    String(row.failed),
    String(row.excepted),
    row.scenarios ? ((100 * row.passed) / row.scenarios).toFixed(1) : "-",
    String(row.calls),
    String(row.checkFailures),
  ]);
  const total = rows.reduce(
    (sum, row) => ({
      scenarios: sum.scenarios + row.scenarios,
      passed: sum.passed + row.passed,
    }),
    { scenarios: 0, passed: 0 },
  );
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...lines.map((line) => line[i]!.length)),
  );
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  return [
    format(header),
    ...lines.map(format),
    `total: ${total.passed}/${total.scenarios} scenarios passed (${((100 * total.passed) / total.scenarios).toFixed(1)}%)`,
  ].join("\n");
}
