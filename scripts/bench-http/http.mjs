// A tiny HTTP client for the bench: JSON in, status + body + cookies out, no redirects
// followed (a redirect to the login page is an answer, not something to chase).

/** `Set-Cookie` lines → { name, value, path }; attributes other than Path are not needed here. */
export function parseSetCookies(lines) {
  return lines.map((line) => {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const pathAttribute = attributes.map((attribute) => attribute.trim()).find((attribute) => /^path=/i.test(attribute));
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), path: pathAttribute ? pathAttribute.slice(5) : "/" };
  });
}

/** The Cookie header a browser would send to `path` (RFC 6265 §5.1.4 path-match), or "". */
export function cookieHeaderFor(cookies, path) {
  const matches = (cookiePath) => path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith("/") || path[cookiePath.length] === "/"));
  return cookies
    .filter((cookie) => cookie.value !== "" && matches(cookie.path))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/**
 * @param {string} origin  e.g. http://127.0.0.1:3800
 * @param {string} path
 * @param {{ method?: string, headers?: Record<string, string>, json?: unknown, timeoutMs?: number }} [options]
 */
export async function send(origin, path, { method = "GET", headers = {}, json, timeoutMs = 15_000 } = {}) {
  const response = await fetch(origin + path, {
    method,
    redirect: "manual",
    headers: json === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // An HTML page (the dashboards): the status is what counts.
  }
  return { status: response.status, body, cookies: parseSetCookies(response.headers.getSetCookie()) };
}
