/**
 * What a transcript may show of a credential: its first characters and its size. Enough to
 * see which kind it is and that a copy is the same thing; not enough to replay it from a
 * screenshot. The throwaway user's password is never shown at all.
 */

const VISIBLE = 8;

export function shortenCredential(value: string): string {
  if (value.length <= VISIBLE) return value;
  return `${value.slice(0, VISIBLE)}…(${Buffer.byteLength(value)} bytes)`;
}

/** `name=value; name2=value2` → the same with every value shortened. */
export function shortenCookieHeader(header: string): string {
  return header
    .split(/;\s*/)
    .map((pair) => {
      const at = pair.indexOf("=");
      return at < 0 ? pair : `${pair.slice(0, at)}=${shortenCredential(pair.slice(at + 1))}`;
    })
    .join("; ");
}

/** A Set-Cookie line: the value shortened, the attributes (Path, Max-Age, HttpOnly…) kept. */
export function shortenSetCookie(line: string): string {
  const [pair = "", ...attributes] = line.split(/;\s*/);
  return [shortenCookieHeader(pair), ...attributes].join("; ");
}

export function shortenAuthorization(header: string): string {
  const [scheme = "", ...rest] = header.split(" ");
  return rest.length === 0 ? shortenCredential(header) : `${scheme} ${shortenCredential(rest.join(" "))}`;
}

// `token`: what the token exchange (POST /api/<mode>/token) hands out.
const CREDENTIAL_FIELDS = new Set(["accessToken", "refreshToken", "token"]);
const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword"]);

/** JSON bodies: credentials shortened, passwords replaced, everything else as it was. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (SECRET_FIELDS.has(key) && typeof field === "string") return [key, "(throwaway password, not shown)"];
      if (CREDENTIAL_FIELDS.has(key) && typeof field === "string") return [key, shortenCredential(field)];
      return [key, redactBody(field)];
    }),
  );
}

/** The response headers a reader of the lab needs; the rest is noise. */
// x-instance: which instance answered, as the fleet's balancer names it.
const RELEVANT_RESPONSE_HEADERS = ["set-cookie", "www-authenticate", "retry-after", "location", "server-timing", "x-instance"];

export function relevantResponseHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) picked["set-cookie"] = cookies.map(shortenSetCookie).join("\n");
  for (const name of RELEVANT_RESPONSE_HEADERS.slice(1)) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

export function redactRequestHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (lower === "cookie") return [name, shortenCookieHeader(value)];
      if (lower === "authorization") return [name, shortenAuthorization(value)];
      return [name, value];
    }),
  );
}
