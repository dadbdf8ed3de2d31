// Scenarios the suite drives but does not pass, each with the reason. Anything failing that is not
// listed here fails `npm run test:conformance`; anything listed that passes is reported so the
// entry can go.
export interface KnownException {
  readonly swagger: string;
  /** A coverage scenario name, or an operationId for our own checks. */
  readonly scenario: string;
  readonly reason: string;
}

const getBody =
  "a GET with a request body: fetch (WHATWG Fetch) refuses to send one, so clientgen leaves the body out (warning BODY002) and the server answers 400";

export const knownExceptions: readonly KnownException[] = [
  {
    swagger: "paging",
    scenario: "PagingSingleWithBodyParams",
    reason: getBody,
  },
  {
    swagger: "paging",
    scenario: "Paging_getSinglePagesWithBodyParams",
    reason: getBody,
  },
];
