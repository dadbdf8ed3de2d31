// Arguments the swaggers describe only in prose ("pass in 'value' = -2"), by operationId, and which
// calls are meant to fail. Read off the swaggers' descriptions and the server's routes.
import type { ArgsFor } from "./drive.js";

export interface SwaggerDriving {
  readonly args?: Readonly<Record<string, ArgsFor>>;
  /** operationIds whose calls should reject (the scenario is a failure the client must surface). */
  readonly expectError?: RegExp;
}

export const driving: Readonly<Record<string, SwaggerDriving>> = {};
