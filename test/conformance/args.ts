// Arguments the swaggers describe only in prose ("pass in 'value' = -2"), by operationId, and which
// calls are meant to fail. Read off the swaggers' descriptions and the server's routes.
import type { ArgsFor } from "./drive.js";

export interface SwaggerDriving {
  readonly clientOptions?: object;
  readonly args?: Readonly<Record<string, ArgsFor>>;
  /** operationIds whose calls should reject (the scenario is a failure the client must surface). */
  readonly expectError?: RegExp;
}

export const driving: Readonly<Record<string, SwaggerDriving>> = {
  lro: {
    // "x-ms-client-request-id = 9C4D50EE-... is required message header for all requests"
    // (LROsCustomHeader); a user sets it on the client, so every poll carries it too.
    clientOptions: { headers: { "x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0" } },
    // Failed/canceled terminal states and the LROSADs ("sad path") family must reject, except the
    // SADs both Azure generators complete: a 204 DELETE, a 202 POST with nothing to poll, a 201 PUT
    // whose resource never reports a provisioning state (core-lro's Body mode: done).
    expectError:
      /^LROSADs_(?!delete204Succeeded$|post202NoLocation$|putError201NoProvisioningStatePayload$)|Failed|[cC]anceled/,
  },
};
