// Names of the descriptor constants in operations.ts. Method names come from camelCase() (or a
// sanitised x-name) and never hold a `_` after a lower-case word, so `kind_name` cannot collide.
import type { Operation, Poller } from "../../model/api.js";

export const paginationConstName = (op: Operation): string => `pagination_${op.name}`;
export const startConstName = (op: Operation): string => `start_${op.name}`;
/** The UrlLroSpec of an operation polled at a URL its response names (Azure, AEP, 202 + Location). */
export const urlLroConstName = (op: Operation): string => `lro_${op.name}`;
export const pollerConstName = (poller: Poller): string => `poller_${poller.name}`;
export const targetsConstName = (poller: Poller): string => `targets_${poller.name}`;
/** Shared date plans (the `dates` option). */
export const dateTableName = "table_dates";
/** Shared write plans of JSON request bodies (readOnly properties, constants). */
export const writePlanTableName = "table_writes";
/** Poller name -> LroSpec, for resumePoller. */
export const pollerTableName = "table_pollers";
/** The API's security, which core.ts hands the Transport: descriptors holding it leave `auth` out. */
export const defaultAuthName = "auth_default";
/** The API's retry policy, which core.ts hands the Transport: descriptors holding it leave `retry` out. */
export const defaultRetryName = "retry_default";
/** A field value several operation descriptors share (descriptor-sharing.ts): `retry_1`, `responses_3`. */
export const sharedFieldConstName = (field: string, index: number): string => `${field}_${index}`;
