// A fetch that keeps cookies, as a Node user of a cookie-stateful service would give the client
// (browsers keep them on their own; the client runtime deliberately does not). The test server
// tracks some scenarios' progress in a `scenario` cookie. One jar per client, one host only.
export function cookieFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) {
      headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const isExpired = attributes.some((attribute) => {
        const [key = "", setting = ""] = attribute.split("=").map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(setting) <= 0;
        return /^expires$/i.test(key) && Date.parse(setting) <= Date.now();
      });
      if (isExpired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}
