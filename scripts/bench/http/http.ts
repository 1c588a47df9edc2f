// A tiny HTTP client for the bench: JSON in, status + body + cookies out, no redirects
// followed (a redirect to the login page is an answer, not something to chase).

export interface Cookie {
  name: string;
  value: string;
  path: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  timeoutMs?: number;
}

/** `Set-Cookie` lines → { name, value, path }; attributes other than Path are not needed here. */
export function parseSetCookies(lines: string[]): Cookie[] {
  return lines.map((line) => {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const pathAttribute = attributes.map((attribute) => attribute.trim()).find((attribute) => /^path=/i.test(attribute));
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), path: pathAttribute ? pathAttribute.slice(5) : "/" };
  });
}

/** The Cookie header a browser would send to `path` (RFC 6265 §5.1.4 path-match), or "". */
export function cookieHeaderFor(cookies: Cookie[], path: string): string {
  const matches = (cookiePath: string) => path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith("/") || path[cookiePath.length] === "/"));
  return cookies
    .filter((cookie) => cookie.value !== "" && matches(cookie.path))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/** `origin` e.g. http://127.0.0.1:3800. The body is parsed JSON, or null (an HTML page, nothing). */
export async function send(
  origin: string,
  path: string,
  { method = "GET", headers = {}, json, timeoutMs = 15_000 }: SendOptions = {},
): Promise<{ status: number; body: unknown; cookies: Cookie[]; retryAfter: string | null }> {
  const response = await fetch(origin + path, {
    method,
    redirect: "manual",
    headers: json === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // An HTML page (the dashboards): the status is what counts.
  }
  return { status: response.status, body, cookies: parseSetCookies(response.headers.getSetCookie()), retryAfter: response.headers.get("retry-after") };
}
