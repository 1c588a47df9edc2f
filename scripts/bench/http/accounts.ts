// Logging in through the real API, the way a client of the bench would: what comes back is
// the credential (cookies, access token) and the user's id.
import { cookieHeaderFor, send, type Cookie } from "./http.ts";

export interface Credential {
  mode: string;
  userId: string;
  cookies: Cookie[];
  accessToken?: string;
  refreshToken?: string;
  presentAs?: "cookie";
}

/** The fields of a login answer the bench reads; anything else in it is ignored. */
interface LoginBody {
  user?: { id?: unknown };
  accessToken?: unknown;
  refreshToken?: unknown;
}

/** Tries before a login the server keeps calling busy is an error. */
const BUSY_TRIES = 10;

export async function logIn(origin: string, mode: string, email: string, password: string): Promise<Credential> {
  let answer = await send(origin, `/api/${mode}/login`, { method: "POST", json: { email, password } });
  // The server's password-hashing budget (lib/password-budget) refuses logins beyond what it can
  // hash at once with 429 + Retry-After: a client waits and tries again, and so does the bench.
  for (let tries = 1; tries < BUSY_TRIES && isBusy(answer); tries++) {
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(answer.retryAfter)));
    answer = await send(origin, `/api/${mode}/login`, { method: "POST", json: { email, password } });
  }
  const body = (answer.body ?? {}) as LoginBody;
  const userId = body.user?.id;
  if (answer.status !== 200 || typeof userId !== "string") {
    throw new Error(`logging in ${email} to ${mode} mode on ${origin} answered ${answer.status}: ${JSON.stringify(body).slice(0, 200)}`);
  }
  return {
    mode,
    userId,
    cookies: answer.cookies,
    ...(typeof body.accessToken === "string" ? { accessToken: body.accessToken } : {}),
    ...(typeof body.refreshToken === "string" ? { refreshToken: body.refreshToken } : {}),
  };
}

/**
 * How a revocation probe presents a credential: session → its cookies, JWT → Bearer unless
 * `presentAs: "cookie"` (SESSION_CACHE=cookie caches only cookie-borne checks).
 */
export function presentHeaders(credential: Credential, path: string): Record<string, string> {
  if (credential.mode === "jwt" && credential.presentAs !== "cookie") return { Authorization: `Bearer ${credential.accessToken ?? ""}` };
  return { Cookie: cookieHeaderFor(credential.cookies, path) };
}

/**
 * Status of `/api/<mode>/me` with this credential: 200 accepted, 401 refused. Like a browser,
 * it keeps the cookies the answer sets (a check cookie) — a copy made before an event keeps them.
 */
export async function meStatus(origin: string, credential: Credential): Promise<number> {
  const path = `/api/${credential.mode}/me`;
  const answer = await send(origin, path, { headers: presentHeaders(credential, path) });
  for (const cookie of answer.cookies.filter((c) => c.value !== "")) {
    credential.cookies = [...credential.cookies.filter((c) => c.name !== cookie.name), cookie];
  }
  return answer.status;
}

/** The alg a JWT was actually signed with (read from its header): shows whether JWT_ALG took effect. */
export function tokenAlg(token: string): string | null {
  try {
    const header = JSON.parse(Buffer.from(String(token).split(".")[0] ?? "", "base64url").toString("utf8")) as { alg?: unknown };
    return typeof header.alg === "string" ? header.alg : null;
  } catch {
    return null;
  }
}

function isBusy(answer: { status: number; body: unknown }): boolean {
  const code = (answer.body as { error?: { code?: unknown } } | null)?.error?.code;
  return answer.status === 429 && code === "password_checks_busy";
}

/** Retry-After in seconds (RFC 9110 §10.2.3), capped; 1 s when absent or not a number. */
export function retryDelayMs(retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 1000;
}
