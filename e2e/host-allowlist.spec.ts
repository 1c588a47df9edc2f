import { expect, test } from "@playwright/test";
import { alice, expectApiError } from "./fixtures.ts";

/**
 * Issue 18 item 1, black-box: a DNS-rebinding page (its own name, re-pointed at this server)
 * passes the Origin == Host CSRF check, so requests naming a host this server does not serve are
 * refused before anything else runs. Loopback names (any port) and configured origins pass.
 */

test("the issue's repro: a login naming rebind.example is refused with 421, no token", async ({ request, baseURL }) => {
  const port = new URL(baseURL!).port;
  const response = await request.post("/api/jwt/login", {
    headers: { host: `rebind.example:${port}`, origin: `http://rebind.example:${port}` },
    data: { email: alice.email, password: alice.password },
  });
  await expectApiError(response, 421, "host_not_allowed");
  expect(await response.text()).not.toContain("accessToken");
});

test("a page naming another host gets a small 421 page with the security headers", async ({ request }) => {
  const response = await request.get("/session/login", { headers: { host: "rebind.example" } });
  expect(response.status()).toBe(421);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await response.text()).toContain("This host name is not served here");
});

test("static assets and the key set are refused too: every request passes the check", async ({ request }) => {
  for (const path of ["/icon.svg", "/.well-known/jwks.json", "/api/health"]) {
    expect((await request.get(path, { headers: { host: "rebind.example" } })).status(), path).toBe(421);
  }
});

test("without a trusted proxy, X-Forwarded-Host cannot vouch for a foreign Host", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { host: "rebind.example", "x-forwarded-host": "localhost" } });
  expect(response.status()).toBe(421);
});

test("loopback names on any port, and the configured public origins, are served", async ({ request, baseURL }) => {
  const port = new URL(baseURL!).port;
  for (const host of [`localhost:${port}`, "localhost", "127.0.0.1:1", `[::1]:${port}`, `192.0.2.20:${port}`, `lan-demo.test:${port}`]) {
    expect((await request.get("/api/health", { headers: { host } })).status(), host).toBe(200);
  }
});
