import { expect, test } from "@playwright/test";
import { bob, loginViaForm } from "./fixtures.ts";

/**
 * The cross-origin lab in a real browser: the app on localhost, "another site" on 127.0.0.1
 * (a different origin and a different site to Chromium), the same server behind both.
 */

test("a Bearer token works from another site; the session cookie does not even leave home", async ({ page, baseURL }) => {
  await loginViaForm(page, "session", bob);
  await page.goto("/labs/cross-origin");
  await page.getByRole("button", { name: "Open the other origin" }).click();

  const other = baseURL!.replace("localhost", "127.0.0.1");
  await expect(page).toHaveURL(`${other}/labs/cross-origin/foreign`); // the token left the address bar
  const jwt = page.getByRole("region", { name: "JWT mode" });
  const session = page.getByRole("region", { name: "Session mode" });
  await expect(jwt).toContainText("works_cross_origin · bearer_200 · no_cors_blocked");
  await expect(session).toContainText("blocked_cross_origin · cookie_not_sent_samesite · credentialed_response_blocked_cors");
});

test("the lab asks for a session login first", async ({ page }) => {
  await page.goto("/labs/cross-origin");
  await expect(page.getByRole("button", { name: "Open the other origin" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Log in to session mode" })).toHaveAttribute("href", "/session/login?next=/labs/cross-origin");
});

test.describe("CORS on /api/jwt/me", () => {
  test("an allowlisted origin may send Authorization, never with credentials", async ({ request, baseURL }) => {
    const origin = baseURL!.replace("localhost", "127.0.0.1");
    const preflight = await request.fetch("/api/jwt/me", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe(origin);
    expect(preflight.headers()["access-control-allow-headers"]).toBe("Authorization");
    expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
  });

  test("any other origin gets no Access-Control-Allow-Origin — another loopback port included", async ({ request, baseURL }) => {
    const port = Number(new URL(baseURL!).port);
    // Another port on this machine is another site (a dev server, a local tool): it gets nothing.
    for (const origin of ["http://evil.example", `http://127.0.0.1:${port + 7}`, `http://localhost:${port + 7}`]) {
      const preflight = await request.fetch("/api/jwt/me", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
      });
      expect(preflight.headers()["access-control-allow-origin"], origin).toBeUndefined();
      const get = await request.get("/api/jwt/me", { headers: { origin } });
      expect(get.headers()["access-control-allow-origin"], origin).toBeUndefined();
    }
  });
});

test.describe("the cookie probe (GET /api/labs/cross-origin/probe)", () => {
  test("answers credentialed reads to the lab's other origin only", async ({ request, baseURL }) => {
    const lab = baseURL!.replace("localhost", "127.0.0.1");
    const allowed = await request.get("/api/labs/cross-origin/probe", { headers: { origin: lab } });
    expect(allowed.headers()["access-control-allow-origin"]).toBe(lab);
    expect(allowed.headers()["access-control-allow-credentials"]).toBe("true");
    const port = Number(new URL(baseURL!).port);
    for (const origin of [`http://127.0.0.1:${port + 7}`, "http://evil.example"]) {
      const refused = await request.get("/api/labs/cross-origin/probe", { headers: { origin } });
      expect(refused.headers()["access-control-allow-origin"], origin).toBeUndefined();
      expect(refused.headers()["access-control-allow-credentials"], origin).toBeUndefined();
    }
  });
});
