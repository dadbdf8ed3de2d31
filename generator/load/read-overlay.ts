// An Overlay 1.0 document, checked before anything is applied: a malformed action is reported
// (OVL001) instead of being silently skipped.
import type { Problem } from "./problem.js";
import { formatPointer } from "../shared/json-pointer.js";
import { isObject } from "../shared/is-object.js";

/** One action, as validated. */
export interface OverlayAction {
  /** Position in `actions`, for diagnostics. */
  index: number;
  isRemove: boolean;
  target: string;
  update: unknown;
}

/** The actions of the overlay document at `file`, or why it is not one. */
export function readOverlay(
  document: unknown,
  file: string,
): { actions: OverlayAction[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (segments: (string | number)[], message: string, hint: string) =>
    problems.push({
      code: "OVL001",
      file,
      hint,
      message: `invalid overlay: ${message}`,
      pointer: formatPointer(segments),
      severity: "error",
    });
  if (!isObject(document)) {
    fail([], "the top level is not a mapping", 'start the file with "overlay: 1.0.0"');
    return { actions: [], problems };
  }
  if (typeof document.overlay !== "string" || !/^1\.\d+(\.\d+)?$/.test(document.overlay)) {
    fail(
      "overlay" in document ? ["overlay"] : [],
      '"overlay" must be a version string like "1.0.0"',
      'add "overlay: 1.0.0"',
    );
  }
  if (
    !isObject(document.info) ||
    typeof document.info.title !== "string" ||
    typeof document.info.version !== "string"
  ) {
    fail(
      "info" in document ? ["info"] : [],
      '"info" needs a "title" and a "version"',
      "add info: {title, version}",
    );
  }
  if (!Array.isArray(document.actions) || document.actions.length === 0) {
    fail(
      "actions" in document ? ["actions"] : [],
      '"actions" must be a non-empty list',
      "add at least one action",
    );
    return { actions: [], problems };
  }
  const actions: OverlayAction[] = [];
  document.actions.forEach((raw, index) => {
    const action = readAction(raw, index, fail);
    if (action) actions.push(action);
  });
  return { actions, problems };
}

function readAction(
  raw: unknown,
  index: number,
  fail: (segments: (string | number)[], message: string, hint: string) => void,
): OverlayAction | undefined {
  const at = ["actions", index];
  if (!isObject(raw))
    return void fail(at, "an action must be a mapping", "give it a target and update or remove");
  if (typeof raw.target !== "string") {
    return void fail(
      "target" in raw ? [...at, "target"] : at,
      'an action needs a "target" JSONPath string',
      "e.g. target: $.info",
    );
  }
  if ("copy" in raw)
    return void fail(
      [...at, "copy"],
      '"copy" (Overlay 1.1) is not supported',
      "use update instead",
    );
  if ("remove" in raw && typeof raw.remove !== "boolean") {
    return void fail([...at, "remove"], '"remove" must be true or false', "write remove: true");
  }
  const isRemove = raw.remove === true;
  if (!isRemove && !("update" in raw)) {
    return void fail(
      at,
      'the action has neither "update" nor "remove: true"',
      "add one, or delete the action",
    );
  }
  return { index, isRemove, target: raw.target, update: raw.update };
}
