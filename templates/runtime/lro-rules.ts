// The status rules only some pollers use, apart so that a client whose pollers use none of them
// neither ships nor bundles them: body fields that end a wait whatever the status value says
// (failurePath, donePath), a wait hint in the body (retryAfterPath), statuses a wait cannot reach
// once the resource has moved (unreachableValues), a success that counts only after a change
// (StartSpec.isChangeAwaited), and a 404 that means gone (isGoneSuccess). The generator names
// `lroRules` in the descriptor of a poller when it, one of its targets or a start waiting on it
// uses one of them; without it these fields are not applied.
import { ApiError } from "./errors.js";
import { readFieldPath } from "./field-path.js";
import { matchesStatus } from "./lro-status.js";
import type { LroObservation } from "./lro-status.js";
import { parseNonNegativeNumber } from "./retry.js";
import { isServerWaited } from "./server-wait.js";
import type { FieldPath, LroRules, LroSpec, OperationSpec, StatusHistory } from "./types.js";

export const lroRules: LroRules = { observe, atStart, judge, onError };

/**
 * The body's say beyond the status value: the Retry-After header's hint, else retryAfterPath's
 * seconds; a pending status ends when failurePath or donePath holds a value (LakeSail publishes
 * no status list: an error object or a completion time ends the wait whatever the status says).
 */
function observe(lro: LroSpec, observation: LroObservation): LroObservation {
  const body = observation.state;
  const hintMs =
    observation.hintMs ??
    (lro.retryAfterPath === undefined
      ? undefined
      : secondsHint(readFieldPath(body, lro.retryAfterPath)));
  const isSet = (path: FieldPath | undefined): boolean => {
    const value = path === undefined ? undefined : readFieldPath(body, path);
    return value !== undefined && value !== null;
  };
  let phase = observation.phase;
  if (phase === "pending" && isSet(lro.failurePath)) phase = "failed";
  else if (phase === "pending" && isSet(lro.donePath)) phase = "succeeded";
  return { ...observation, phase, hintMs };
}

/**
 * What the starting call's own body shows: the resource moving (a status in none of the sets),
 * or changed (a status other than success, or the call had the server wait for the change).
 */
function atStart(
  lro: LroSpec,
  startBody: unknown,
  op: OperationSpec,
  args: object | undefined,
): StatusHistory {
  const value = readFieldPath(startBody, lro.statusPath);
  const isWaited = isServerWaited(op, args);
  if (value === undefined || value === null) return { hasChanged: isWaited };
  const status = String(value);
  const listed = [lro.successValues, lro.failureValues, lro.canceledValues, lro.unreachableValues];
  return {
    isMoving: !listed.some((values) => matchesStatus(lro, values, status)),
    hasChanged: isWaited || !matchesStatus(lro, lro.successValues, status),
  };
}

/**
 * An unreachable status fails the wait once the resource was seen moving; before, it is pending.
 * So is a success status when the wait awaits a change the resource has not yet been seen making.
 * `history` is the id's, updated here.
 */
function judge(
  lro: LroSpec,
  observation: LroObservation,
  history: StatusHistory,
  isChangeAwaited: boolean | undefined,
): LroObservation {
  if (observation.phase === "succeeded") {
    return isChangeAwaited && !history.hasChanged
      ? { ...observation, phase: "pending" }
      : observation;
  }
  if (observation.status !== undefined) history.hasChanged = true;
  if (observation.phase !== "pending") return observation;
  if (!matchesStatus(lro, lro.unreachableValues, observation.status)) {
    if (observation.status !== undefined) history.isMoving = true;
    return observation;
  }
  return history.isMoving ? { ...observation, phase: "failed" } : observation;
}

/** A failed status request that is an answer after all: a 404 when the wait is for the resource to be gone. */
function onError(lro: LroSpec, error: unknown): LroObservation | undefined {
  if (!(lro.isGoneSuccess && error instanceof ApiError && error.status === 404)) return undefined;
  return {
    state: undefined,
    status: "gone",
    phase: "succeeded",
    hintMs: undefined,
    rateFloorMs: undefined,
  };
}

function secondsHint(value: unknown): number | undefined {
  const seconds =
    typeof value === "number"
      ? value >= 0 && Number.isFinite(value)
        ? value
        : undefined
      : parseNonNegativeNumber(typeof value === "string" ? value : undefined);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}
