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

/** A JSON-API login at one chosen instance. */
export async function loginAt(origin: string, mode: Mode, user: DemoUser = bob): Promise<Login> {
  const response = await postJson(`${origin}/api/${mode}/login`, { email: user.email, password: user.password });
  const text = await response.clone().text();
  expect(response.status, text).toBe(200);
  const body = JSON.parse(text) as { accessToken?: string; refreshToken?: string; user: { id: string } };
  return { cookie: setCookie(response, mode), accessToken: body.accessToken, refreshToken: body.refreshToken, userId: body.user.id };
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
