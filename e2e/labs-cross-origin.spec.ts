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

  test("any other origin gets no Access-Control-Allow-Origin", async ({ request }) => {
    const preflight = await request.fetch("/api/jwt/me", {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();
    const get = await request.get("/api/jwt/me", { headers: { origin: "http://evil.example" } });
    expect(get.headers()["access-control-allow-origin"]).toBeUndefined();
  });
});
