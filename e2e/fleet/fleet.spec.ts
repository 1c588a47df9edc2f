import { MODES } from "../fixtures.ts";
import { cookieHeader, expect, loginAt, logoutAt, meAt, postJson, test } from "./fleet-fixtures.ts";

/**
 * Two instances, one database, one Redis: whatever one instance decides, the other must agree
 * with on the very next request. Each test chooses the instance of every request itself, so
 * nothing here depends on the balancer's rotation — except the first test, which is about it.
 */

test("the balancer spreads requests and every response names its instance", async ({ baseURL }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const response = await fetch(`${baseURL}/api/health`);
    expect(response.status).toBe(200);
    const instance = response.headers.get("x-instance");
    expect(instance).toMatch(/^app-\d$/);
    expect(((await response.json()) as { instance: string }).instance).toBe(instance);
    seen.add(instance!);
  }
  expect([...seen].sort()).toEqual(["app-1", "app-2"]);
});

for (const mode of MODES) {
  test.describe(`${mode} mode across instances`, () => {
    test("a login on one instance is honoured by the other", async ({ instances: [a, b] }) => {
      const login = await loginAt(a!, mode);
      expect((await meAt(b!, mode, login.cookie)).status).toBe(200);
    });

    test("a logout on one instance is refused by the other on the next request", async ({ instances: [a, b] }) => {
      const login = await loginAt(a!, mode);
      expect((await meAt(a!, mode, login.cookie)).status).toBe(200);
      expect((await meAt(b!, mode, login.cookie)).status).toBe(200);
      const logout = await logoutAt(b!, mode, login.cookie);
      expect(logout.status, await logout.text()).toBeLessThan(300);
      // The copy of the cookie an attacker would have kept: refused everywhere, at once.
      expect((await meAt(a!, mode, login.cookie)).status).toBe(401);
      expect((await meAt(b!, mode, login.cookie)).status).toBe(401);
    });
  });
}

test("a device revoked on one instance is refused by the other", async ({ instances: [a, b] }) => {
  const phone = await loginAt(a!, "session");
  const laptop = await loginAt(b!, "session");
  const phoneMe = await meAt(b!, "session", phone.cookie);
  expect(phoneMe.status).toBe(200);
  const phoneSessionId = ((await phoneMe.json()) as { session: { id: string } }).session.id;
  const revoke = await fetch(`${a}/api/session/sessions/${phoneSessionId}`, {
    method: "DELETE",
    headers: { ...cookieHeader("session", laptop.cookie), origin: a! },
  });
  expect(revoke.status, await revoke.text()).toBeLessThan(300);
  expect((await meAt(b!, "session", phone.cookie)).status).toBe(401);
  expect((await meAt(a!, "session", laptop.cookie)).status).toBe(200);
});

test("a refresh token replayed on the other instance ends the whole family", async ({ instances: [a, b] }) => {
  const login = await loginAt(a!, "jwt");
  const first = await postJson(`${b}/api/jwt/refresh`, { refreshToken: login.refreshToken });
  expect(first.status, await first.clone().text()).toBe(200);
  const successor = ((await first.json()) as { refreshToken: string }).refreshToken;
  // The rotated-away token, presented again at the other instance: reuse, so theft.
  expect((await postJson(`${a}/api/jwt/refresh`, { refreshToken: login.refreshToken })).status).toBe(401);
  // Detection ended the family, successor included, whichever instance is asked.
  expect((await postJson(`${b}/api/jwt/refresh`, { refreshToken: successor })).status).toBe(401);
});

test("the login throttle counts failures on every instance together", async ({ instances: [a, b] }) => {
  // An address nobody has: the untrusted budget is kept per e-mail whether or not it exists.
  const email = `fleet-throttle-${Date.now()}@example.test`;
  const attempt = (origin: string) => postJson(`${origin}/api/session/login`, { email, password: "wrong-password" });
  // Ten free failures in all, five on each instance: per-process counts would allow ten more.
  for (let i = 0; i < 10; i++) expect((await attempt(i % 2 === 0 ? a! : b!)).status).toBe(401);
  const refused = await attempt(a!);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await attempt(b!)).status).toBe(429);
});
