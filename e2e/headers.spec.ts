import { hostname } from "node:os";
import { expect, test, type APIResponse } from "@playwright/test";
import { bob, loginViaForm } from "./fixtures.ts";

/** Pages get a per-request nonce CSP from proxy.ts; HSTS only in production over HTTPS. */

function cspOf(response: APIResponse): string {
  const values = response.headersArray().filter((header) => header.name.toLowerCase() === "content-security-policy");
  expect(values, "exactly one CSP header").toHaveLength(1);
  return values[0]!.value;
}

function nonceOf(policy: string): string {
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy);
  expect(match, `a nonce in script-src: ${policy}`).not.toBeNull();
  return match![1]!;
}

for (const path of ["/", "/session/login", "/compare", "/labs"]) {
  test(`${path}: CSP with default-src 'self' and a fresh nonce that every script tag carries; no HSTS over http`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const policy = cspOf(response);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    const nonce = nonceOf(policy);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, "the page has scripts").toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
    expect(nonceOf(cspOf(await request.get(path))), "a new nonce per response").not.toBe(nonce);
  });
}

test("the API keeps the static policy: framing refused, no nonce", async ({ request }) => {
  const response = await request.get("/api/session/me");
  const policy = cspOf(response);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("nonce-");
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});

test("under the CSP the app still runs: the login form, and a client component that hydrates", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await loginViaForm(page, "jwt", bob);
  await page.goto("/jwt/inspect");
  // The countdown is a client component: it only ticks once React has hydrated.
  const timer = page.getByRole("main").getByRole("timer");
  const first = (await timer.textContent()) ?? "";
  await expect(timer).not.toHaveText(first);
  expect(violations, "nothing of the app's own was refused").toEqual([]);
});

test("a script injected into the page's HTML (as an XSS would be) does not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // The server's real answer, headers and all, with one script tag the server did not write.
  await page.route("/", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</main>", "<script>window.__injected = true;</script></main>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/");
  await expect.poll(() => violations.length, { message: "the injected script was refused by the CSP" }).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("over HTTPS (as a TLS proxy reports it), HSTS is on the API's answers as on the pages'", async ({ request }) => {
  const https = { "x-forwarded-proto": "https" };
  for (const path of ["/api/health", "/api/session/me", "/api/no-such-route", "/session/login"]) {
    expect((await request.get(path, { headers: https })).headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
  }
});

test("a page path that is not valid percent-encoding: a 400 page with the security headers, not Next's bare 500", async ({ request }) => {
  for (const path of ["/admin/users/%E0%A4%A", "/session/%zz", "/%C0%AF"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const headers = response.headers();
    expect(headers["content-type"], path).toMatch(/^text\/html/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(await response.text(), path).toContain("This address is not valid");
  }
});

test("/api/health tells processes apart without naming the host or the pid", async ({ request }) => {
  const body = (await (await request.get("/api/health")).json()) as { ok: boolean; instance: string };
  expect(body.ok).toBe(true);
  expect(body.instance).toMatch(/^process-[0-9a-f]{8}$/);
  expect(body.instance).not.toContain(hostname());
});
