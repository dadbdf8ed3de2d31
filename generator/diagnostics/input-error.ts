// A problem with what the user asked for (not a bug): printed as one line, exit code 2.
export class InputError extends Error {}
