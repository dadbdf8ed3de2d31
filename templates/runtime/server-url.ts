// The base URL of a client whose server URL has variables (OpenAPI server variables, Azure's
// x-ms-parameterized-host): each `{name}` is the client option of that name, else its default.
// The values go in as given, as OpenAPI substitutes server variables: they are the caller's own
// configuration (a host name, a port, a path prefix), never data from a response.

/** `baseUrl` when the caller sets it; else the template filled in from `options` and `defaults`. */
export function serverUrl(
  template: string,
  defaults: Readonly<Record<string, string>>,
  options: object,
): string {
  const given = options as Readonly<Record<string, unknown>>;
  if (typeof given.baseUrl === "string") return given.baseUrl;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = given[name] ?? defaults[name];
    if (value === undefined || value === null)
      throw new TypeError(
        `client option "${name}" is required: it is part of the server URL ${template} (or set baseUrl)`,
      );
    return String(value);
  });
}
