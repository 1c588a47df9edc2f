// Signing in and out of each app the way its own client does, from outside, over HTTP: what
// comes back is the credential a load run presents (the headers), its size, and sign-out.
import { logIn, presentHeaders } from "../http/accounts.ts";
import { cookieHeaderFor, parseSetCookies, send, type Cookie } from "../http/http.ts";
import type { Presentation } from "./configurations.ts";

export interface PeerCredential {
  /** The headers that present it to /me. */
  headers: Record<string, string>;
  /** Bytes of the Cookie header value, or of the Bearer token: what the client sends each request. */
  bytes: number;
  signOut: () => Promise<void>;
}

export const BENCH_USER = { email: "bench@bench.test", password: "bench-password-for-peers" };

export async function signIn(origin: string, present: Presentation, authPath: string, user = BENCH_USER): Promise<PeerCredential> {
  switch (present) {
    case "session-cookie":
    case "jwt-cookie":
    case "jwt-bearer":
      return signInOurs(origin, present, authPath, user);
    case "ba-cookie":
    case "ba-bearer":
      return signInBetterAuth(origin, present, authPath, user);
    case "authjs-cookie":
      return signInAuthjs(origin, authPath, user);
  }
}

async function signInOurs(origin: string, present: Presentation, authPath: string, user: typeof BENCH_USER): Promise<PeerCredential> {
  const mode = present === "session-cookie" ? "session" : "jwt";
  const credential = await logIn(origin, mode, user.email, user.password);
  const headers: Record<string, string> = present === "jwt-bearer" ? { Authorization: `Bearer ${credential.accessToken}` } : { Cookie: cookieHeaderFor(credential.cookies, authPath) };
  const signOut = async () => {
    const path = `/api/${mode}/logout`;
    const json = credential.refreshToken ? { refreshToken: credential.refreshToken } : undefined;
    expect(await send(origin, path, { method: "POST", headers: presentHeaders(credential, path), json }), [204], "our logout");
  };
  return { headers, bytes: credentialBytes(headers), signOut };
}

/** Better Auth checks the Origin of cookie-bearing POSTs (its CSRF defence): a browser sends it. */
async function signInBetterAuth(origin: string, present: Presentation, authPath: string, user: typeof BENCH_USER): Promise<PeerCredential> {
  const answer = await send(origin, "/api/auth/sign-in/email", { method: "POST", headers: { Origin: origin }, json: user });
  expect(answer, [200], "Better Auth sign-in");
  const cookie = cookieHeaderFor(answer.cookies, authPath);
  let headers: Record<string, string> = { Cookie: cookie };
  if (present === "ba-bearer") {
    const token = await send(origin, "/api/auth/token", { headers: { Cookie: cookie } });
    expect(token, [200], "Better Auth /token");
    headers = { Authorization: `Bearer ${(token.body as { token: string }).token}` };
  }
  const signOut = async () => {
    expect(await send(origin, "/api/auth/sign-out", { method: "POST", headers: { Origin: origin, Cookie: cookie }, json: {} }), [200], "Better Auth sign-out");
  };
  return { headers, bytes: credentialBytes(headers), signOut };
}

/** Auth.js signs in by a form post with its CSRF token (double-submit cookie), as its sign-in page does. */
async function signInAuthjs(origin: string, authPath: string, user: typeof BENCH_USER): Promise<PeerCredential> {
  let jar = await csrf(origin, []);
  const signedIn = await postForm(origin, "/api/auth/callback/credentials", jar.cookies, { csrfToken: jar.token, email: user.email, password: user.password });
  const cookies = merge(jar.cookies, signedIn.cookies);
  if (!cookies.some((cookie) => /session-token/.test(cookie.name))) throw new Error(`Auth.js sign-in set no session cookie (answered ${signedIn.status})`);
  const sessionOnly = cookies.filter((cookie) => /session-token/.test(cookie.name));
  const headers = { Cookie: cookieHeaderFor(sessionOnly, authPath) };
  const signOut = async () => {
    jar = await csrf(origin, cookies);
    const answer = await postForm(origin, "/api/auth/signout", merge(cookies, jar.cookies), { csrfToken: jar.token });
    if (answer.status !== 302 && answer.status !== 200) throw new Error(`Auth.js sign-out answered ${answer.status}`);
  };
  return { headers, bytes: credentialBytes(headers), signOut };
}

async function csrf(origin: string, cookies: Cookie[]) {
  const answer = await send(origin, "/api/auth/csrf", { headers: { Cookie: cookieHeaderFor(cookies, "/api/auth/csrf") } });
  expect(answer, [200], "Auth.js /csrf");
  return { token: (answer.body as { csrfToken: string }).csrfToken, cookies: merge(cookies, answer.cookies) };
}

async function postForm(origin: string, path: string, cookies: Cookie[], form: Record<string, string>) {
  const response = await fetch(origin + path, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeaderFor(cookies, path), Origin: origin },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  return { status: response.status, cookies: parseSetCookies(response.headers.getSetCookie()) };
}

/** Later cookies replace earlier ones of the same name; an emptied cookie is removed. */
export function merge(earlier: Cookie[], later: Cookie[]): Cookie[] {
  const names = new Set(later.map((cookie) => cookie.name));
  return [...earlier.filter((cookie) => !names.has(cookie.name)), ...later.filter((cookie) => cookie.value !== "")];
}

export function credentialBytes(headers: Record<string, string>): number {
  const value = headers.Authorization?.replace(/^Bearer /, "") ?? headers.Cookie ?? "";
  return Buffer.byteLength(value, "utf8");
}

function expect(answer: { status: number; body: unknown }, statuses: number[], what: string): void {
  if (!statuses.includes(answer.status)) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
}
