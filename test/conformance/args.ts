// Arguments the swaggers describe only in prose ("pass in 'value' = -2"), by operationId, and which
// calls are meant to fail. Read off the swaggers' descriptions and the server's routes.
import type { ArgsFor } from "./drive.js";

export interface SwaggerDriving {
  readonly clientOptions?: object;
  /** operationIds not called directly, with why (e.g. only reached as another's next operation). */
  readonly skip?: Readonly<Record<string, string>>;
  readonly args?: Readonly<Record<string, ArgsFor>>;
  /** operationId -> how many items iterating it must yield (every page followed). */
  readonly expectItems?: Readonly<Record<string, number>>;
  /** operationIds whose calls should reject (the scenario is a failure the client must surface). */
  readonly expectError?: RegExp;
}

const nextOperation =
  "the x-ms-pageable operationName of another operation: reached through its pages, never called by users (Azure's generators keep it private)";

export const driving: Readonly<Record<string, SwaggerDriving>> = {
  paging: {
    args: {
      // "Client Api Version": Azure clients send info.version; ours takes it as an argument.
      Paging_appendApiVersion: [{ "api-version": "1.0.0" }],
      Paging_replaceApiVersion: [{ "api-version": "1.0.0" }],
      // paging.js: api_version 1.6 and tenant test_user, else 400.
      Paging_getMultiplePagesFragmentNextLink: [
        { api_version: "1.6", tenant: "test_user" },
      ],
      Paging_getMultiplePagesFragmentWithGroupingNextLink: [
        { api_version: "1.6", tenant: "test_user" },
      ],
      Paging_getMultiplePagesWithOffset: [{ offset: 100 }],
      // "Put in value '100' to pass test"; queryConstant "Must be True".
      Paging_getWithQueryParams: [
        { requiredQueryParameter: 100, queryConstant: true },
      ],
    },
    skip: {
      Paging_nextFragment: nextOperation,
      Paging_nextFragmentWithGrouping: nextOperation,
      Paging_nextOperationWithQueryParams: nextOperation,
    },
    expectError: /Failure/,
    // paging.js: ten pages of one product each; nextLinkName null and the operationName pair stop
    // after one and two pages.
    expectItems: {
      Paging_getMultiplePages: 10,
      Paging_GetMultiplePagesLRO: 10,
      Paging_getMultiplePagesFragmentNextLink: 10,
      Paging_getMultiplePagesFragmentWithGroupingNextLink: 10,
      Paging_getMultiplePagesRetryFirst: 10,
      Paging_getMultiplePagesRetrySecond: 10,
      Paging_getMultiplePagesWithOffset: 10,
      Paging_getOdataMultiplePages: 10,
      Paging_getNullNextLinkNamePages: 1,
      Paging_getWithQueryParams: 2,
    },
  },
  lro: {
    // "x-ms-client-request-id = 9C4D50EE-... is required message header for all requests"
    // (LROsCustomHeader); a user sets it on the client, so every poll carries it too.
    clientOptions: {
      headers: {
        "x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0",
      },
    },
    // Failed/canceled terminal states and the LROSADs ("sad path") family must reject, except the
    // SADs both Azure generators complete: a 204 DELETE, a 202 POST with nothing to poll, a 201 PUT
    // whose resource never reports a provisioning state (core-lro's Body mode: done).
    expectError:
      /^LROSADs_(?!delete204Succeeded$|post202NoLocation$|putError201NoProvisioningStatePayload$)|Failed|[cC]anceled/,
  },
};
