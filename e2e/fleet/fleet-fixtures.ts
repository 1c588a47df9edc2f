import { expect, test as base } from "@playwright/test";
import { bob, cookieName, type DemoUser, type Mode } from "../fixtures.ts";

/**
 * Fixtures for the fleet suite: `npm run fleet` serves the balancer on the base URL's port and
 * the instances on the next ports, all on one PostgreSQL database and one Redis. Requests go
 * through Node's fetch, which keeps no cookie jar: every request carries exactly the
 * credential a test gives it, as a stolen copy would be replayed.
 */
interface FleetFixtures {
  /** The instances' own origins, app-1 first: for requests that must land on a chosen one. */
  instances: string[];
}

export const test = base.extend<FleetFixtures>({
  instances: async ({ baseURL }, use) => {
    const port = Number(new URL(baseURL!).port);
    await use([1, 2].map((offset) => `http://localhost:${port + offset}`));
  },
});

export { expect };

export interface Login {
  cookie: string;
  accessToken?: string;
  refreshToken?: string;
  userId: string;
}

function setCookie(response: Response, mode: Mode): string {
  const prefix = `${cookieName(mode)}=`;
  const header = response.headers.getSetCookie().find((value) => value.startsWith(prefix));
  expect(header, `expected Set-Cookie for ${cookieName(mode)}`).toBeDefined();
  return header!.slice(prefix.length).split(";")[0]!;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

/**
 * A JSON-API login at one chosen instance. A login loop (the key-activation test logs in until
 * the new key signs) can outrun the password-hashing budget: a 429 password_checks_busy is
 * waited out by its Retry-After, as a client would, a few times at most. Any other answer counts.
 */
export async function loginAt(origin: string, mode: Mode, user: DemoUser = bob): Promise<Login> {
  let response = await postJson(`${origin}/api/${mode}/login`, { email: user.email, password: user.password });
  for (let attempt = 0; attempt < 5 && (await isPasswordChecksBusy(response)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response)));
    response = await postJson(`${origin}/api/${mode}/login`, { email: user.email, password: user.password });
  }
  const text = await response.clone().text();
  expect(response.status, text).toBe(200);
  const body = JSON.parse(text) as { accessToken?: string; refreshToken?: string; user: { id: string } };
  return { cookie: setCookie(response, mode), accessToken: body.accessToken, refreshToken: body.refreshToken, userId: body.user.id };
}

async function isPasswordChecksBusy(response: Response): Promise<boolean> {
  if (response.status !== 429) return false;
  const body = (await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code === "password_checks_busy";
}

/** Retry-After in seconds, capped at 10 s; 1 s when absent. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 1000;
}

export function cookieHeader(mode: Mode, value: string): Record<string, string> {
  return { cookie: `${cookieName(mode)}=${value}` };
}

/** GET /api/<mode>/me at one instance with exactly this cookie. */
export function meAt(origin: string, mode: Mode, cookie: string): Promise<Response> {
  return fetch(`${origin}/api/${mode}/me`, { headers: cookieHeader(mode, cookie) });
}

/** A cookie-authenticated logout at one instance, with the Origin a browser would send. */
export function logoutAt(origin: string, mode: Mode, cookie: string): Promise<Response> {
  return fetch(`${origin}/api/${mode}/logout`, { method: "POST", headers: { ...cookieHeader(mode, cookie), origin } });
}
