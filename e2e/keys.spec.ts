import { randomUUID } from "node:crypto";
import { createPublicKey, verify as cryptoVerify } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { appSigningKey, signWith } from "./app-keys.ts";
import { alice, bob, cookieName, decodeJwt, downstreamOrigin, expectApiError, loginViaApi, loginViaForm, meWith } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * EdDSA keys end to end: the JWKS, a real login's token checked with Node's own crypto against
 * it, the separate downstream service (playwright.config.ts starts it on the port after the
 * app's, where the app's DOWNSTREAM_URL points), exchanged tokens, rotation and retirement.
 */

interface Jwk {
  kid: string;
  kty: string;
  crv: string;
  x: string;
  alg: string;
  use: string;
}

async function jwks(request: APIRequestContext): Promise<Jwk[]> {
  const response = await request.get("/.well-known/jwks.json");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { keys: Jwk[] }).keys;
}

test.describe("GET /.well-known/jwks.json", () => {
  test("publishes public Ed25519 keys only, briefly cacheable", async ({ request }) => {
    const response = await request.get("/.well-known/jwks.json");
    expect(response.headers()["cache-control"]).toBe("public, max-age=60");
    const keys = await jwks(request);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    }
  });

  test("a real login's access token is EdDSA with a listed kid, and Node's crypto.verify accepts it with that JWK", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const token = body.accessToken!;
    const { header, payload } = decodeJwt(token);
    expect(header).toMatchObject({ alg: "EdDSA", typ: "at+jwt", kid: expect.any(String) });
    expect(payload.aud).toBe("session-vs-jwt:web");
    const jwk = (await jwks(request)).find((key) => key.kid === header.kid);
    expect(jwk, "the token's kid is in the JWKS").toBeDefined();
    const [h, p, s] = token.split(".") as [string, string, string];
    const publicKey = createPublicKey({ key: { kty: jwk!.kty, crv: jwk!.crv, x: jwk!.x }, format: "jwk" });
    expect(cryptoVerify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, "base64url"))).toBe(true);
    expect(cryptoVerify(null, Buffer.from(`${h}.${p}x`), publicKey, Buffer.from(s, "base64url"))).toBe(false);
  });
});

test.describe("the downstream service (npm run downstream)", () => {
  let downstreamUrl: string;

  test.beforeEach(({ baseURL }) => {
    downstreamUrl = downstreamOrigin(baseURL!);
  });

  async function whoami(token: string) {
    const response = await fetch(`${downstreamUrl}/whoami`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { claims?: { sub: string }; error?: { code: string; message: string } } };
  }

  test("accepts a token exchanged for a JWT-mode access token (the JWKS is all it has) and refuses junk with the envelope", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const minted = await request.post("/api/jwt/token", { headers: { authorization: `Bearer ${body.accessToken}` } });
    const accepted = await whoami(((await minted.json()) as { token: string }).token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.claims?.sub).toBe(body.user.id);
    const junk = await whoami("junk");
    expect(junk.status).toBe(401);
    expect(junk.body.error).toEqual({ code: "token_malformed", message: expect.any(String) });
  });

  test("a session buys a ≤ 60 s token for the downstream only: accepted there, refused by the app", async ({ request }) => {
    const { cookie } = await loginViaApi(request, "session", bob);
    const minted = await request.post("/api/session/token", { headers: { cookie: `${cookieName("session")}=${cookie}` } });
    expect(minted.status()).toBe(200);
    const { token, expiresAt } = (await minted.json()) as { token: string; expiresAt: string };
    const { payload } = decodeJwt(token);
    expect(payload.aud).toBe("session-vs-jwt:downstream");
    expect(Number(payload.exp) - Number(payload.iat)).toBeLessThanOrEqual(60);
    expect(new Date(expiresAt).getTime()).toBe(Number(payload.exp) * 1000);
    expect((await whoami(token)).status).toBe(200);
    await expectApiError(await meWith(request, "jwt", { bearer: token }), 401, "token_wrong_aud");
  });

  test("no token for a logged-out session, nor for a cross-site request", async ({ request }) => {
    const { cookie } = await loginViaApi(request, "session", bob);
    const headers = { cookie: `${cookieName("session")}=${cookie}` };
    await expectApiError(await request.post("/api/session/token", { headers: { ...headers, origin: "https://evil.example" } }), 403, "cross_site_request");
    expect((await request.post("/api/session/logout", { headers })).status()).toBe(204);
    await expectApiError(await request.post("/api/session/token", { headers }), 401, expect.any(String));
  });

  for (const mode of ["session", "jwt"] as const) {
    test(`the ${mode} dashboard's button exchanges the credential and calls it through the app`, async ({ page }) => {
      await loginViaForm(page, mode, bob);
      await page.getByRole("button", { name: "Call the downstream service" }).click();
      await expect(page.getByText(/Downstream answered 200 \(token: \d+ bytes, valid \d+ s\)/)).toBeVisible();
      await expect(page.getByLabel("Downstream answer")).toContainText(`"src": "${mode}"`);
      await expect(page.getByLabel("Downstream answer")).toContainText('"aud": "session-vs-jwt:downstream"');
    });
  }
});

test.describe("a key retired by hand", () => {
  test("is refused on the very next check (an admin through the API); the answer names it and its replacement", async ({ request, db }) => {
    const admin = await loginViaApi(request, "session", alice);
    const headers = { cookie: `${cookieName("session")}=${admin.cookie}` };
    // A key of this test's own, so the key every other spec signs with stays: a published next key
    // already verifies, and a token signed with it stands for one that leaked.
    const rotated = await request.post("/api/admin/keys/rotate", { headers });
    const kid = ((await rotated.json()) as { keys: { kid: string; state: string }[] }).keys.find((key) => key.state === "next")!.kid;
    const user = await db.user.findUniqueOrThrow({ where: { email: bob.email } });
    const now = Math.floor(Date.now() / 1000);
    const leaked = await signWith(await appSigningKey(db, kid), { sub: user.id, role: "user", ver: user.tokenVersion, jti: randomUUID(), iat: now, exp: now + 600, iss: "session-vs-jwt", aud: "session-vs-jwt:web" });
    expect((await meWith(request, "jwt", { bearer: leaked })).status()).toBe(200);

    const retired = await request.post(`/api/admin/keys/${kid}/retire`, { headers });
    expect(retired.status(), await retired.text()).toBe(200);
    expect(await retired.json()).toMatchObject({ retired: { kid, state: "retired" }, replacement: null });
    await expectApiError(await meWith(request, "jwt", { bearer: leaked }), 401, "token_unknown_kid");
    expect((await jwks(request)).map((key) => key.kid)).not.toContain(kid);
    await expectApiError(await request.post(`/api/admin/keys/${kid}/retire`, { headers }), 409, "key_already_retired");
    await expectApiError(await request.post("/api/admin/keys/not-a-kid-of-ours/retire", { headers }), 404, "key_not_found");
  });

  test("retiring is admin-only and same-origin only", async ({ request }) => {
    const user = await loginViaApi(request, "session", bob);
    await expectApiError(await request.post("/api/admin/keys/any/retire", { headers: { cookie: `${cookieName("session")}=${user.cookie}` } }), 403, "forbidden");
    const admin = await loginViaApi(request, "session", alice);
    const crossSite = { cookie: `${cookieName("session")}=${admin.cookie}`, origin: "https://evil.example" };
    await expectApiError(await request.post("/api/admin/keys/any/retire", { headers: crossSite }), 403, "cross_site_request");
  });
});

test.describe("key rotation", () => {
  test("an admin rotates through the API: a next key is published, earlier tokens keep working", async ({ request }) => {
    const held = (await loginViaApi(request, "jwt", bob)).body.accessToken!;
    const before = await jwks(request);
    const { cookie } = await loginViaApi(request, "session", alice);
    const rotated = await request.post("/api/admin/keys/rotate", { headers: { cookie: `${cookieName("session")}=${cookie}` } });
    expect(rotated.status()).toBe(200);
    const { keys } = (await rotated.json()) as { keys: { kid: string; state: string }[] };
    expect(keys[0]!.state).toBe("next");
    const after = await jwks(request);
    expect(after.map((key) => key.kid)).toContain(keys[0]!.kid);
    expect(after.length).toBe(before.length + 1);
    expect((await meWith(request, "jwt", { bearer: held })).status()).toBe(200);
  });

  test("rotation is admin-only, and cookie-authenticated rotation is same-origin only", async ({ request, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    await expectApiError(await anonymous.post("/api/admin/keys/rotate"), 401, "no_credential");
    await anonymous.dispose();
    const user = await loginViaApi(request, "session", bob);
    await expectApiError(await request.post("/api/admin/keys/rotate", { headers: { cookie: `${cookieName("session")}=${user.cookie}` } }), 403, "forbidden");
    const admin = await loginViaApi(request, "session", alice);
    await expectApiError(
      await request.post("/api/admin/keys/rotate", { headers: { cookie: `${cookieName("session")}=${admin.cookie}`, origin: "https://evil.example" } }),
      403,
      "cross_site_request",
    );
  });

  test("a second rotation while a key waits is explained and asked about first; Cancel publishes nothing", async ({ page }) => {
    await loginViaForm(page, "session", alice);
    await page.goto("/admin/keys");
    const kid = await rotateOnPage(page);
    const waiting = page.getByRole("cell", { name: "next", exact: true });
    const waitingBefore = await waiting.count();

    await page.getByRole("button", { name: "Rotate signing key" }).click();
    const asking = page.getByRole("group", { name: "Rotate again?" });
    await expect(asking).toContainText("is already published and waiting");
    await expect(asking).toContainText("then signs only until that one does");
    await asking.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("button", { name: "Rotate signing key" })).toBeVisible();
    await page.reload();
    await expect(waiting).toHaveCount(waitingBefore);

    await page.getByRole("button", { name: `Retire key ${kid} now` }).click();
    await expect(page.getByText(`Key ${kid} retired`)).toBeVisible();
  });

  test("the admin page lists the keys with a Rotate button; others get a 403 page", async ({ page, browser }) => {
    await loginViaForm(page, "session", alice);
    await page.goto("/admin/keys");
    await expect(page.getByRole("heading", { name: "Signing keys" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "active" }).first()).toBeVisible();
    const kid = await rotateOnPage(page);
    await expect(page.getByRole("cell", { name: "next", exact: true }).first()).toBeVisible();
    // Audited like every admin action: who, with which mode, and the key it published.
    // The key this test made (not the one the other specs sign with) is retired from its row.
    await page.getByRole("button", { name: `Retire key ${kid} now` }).click();
    await expect(page.getByText(`Key ${kid} retired`)).toBeVisible();
    await page.goto("/admin");
    const entries = page.getByRole("table", { name: "Latest admin actions" }).getByRole("row").filter({ hasText: kid! });
    await expect(entries.filter({ hasText: "keys.rotate" })).toContainText(`${alice.email} (session)`);
    await expect(entries.filter({ hasText: "keys.retire" })).toContainText(`${alice.email} (session)`);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await loginViaForm(otherPage, "session", bob);
    expect((await otherPage.goto("/admin/keys"))?.status()).toBe(403);
    await expect(otherPage.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await other.close();
  });
});

/**
 * Rotates from /admin/keys and returns the new kid. Other specs rotate too, so a key may already
 * wait: then the page asks first (e2e: "a second rotation … is asked about first"), and this says yes.
 */
async function rotateOnPage(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Rotate signing key" }).click();
  const done = page.getByText(/New key .* published/);
  const asking = page.getByRole("group", { name: "Rotate again?" });
  await expect(done.or(asking)).toBeVisible();
  if (await asking.isVisible()) await asking.getByRole("button", { name: "Yes, rotate again" }).click();
  await expect(done).toBeVisible();
  const kid = /New key (\S+) published/.exec((await done.textContent()) ?? "")?.[1];
  expect(kid).toBeTruthy();
  return kid!;
}
