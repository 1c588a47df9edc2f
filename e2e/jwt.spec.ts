import { expect, test, type BrowserContext } from "@playwright/test";
import { authCookie, authCookieValue, bob, cookieName, dashboardHeading, decodeJwt, forgeJwt, loginViaApi, loginViaForm, meWith, plantAuthCookie } from "./fixtures.ts";

/** What only JWT mode promises: the signature is the truth, and logout works through the denylist. */

const dashboard = "/jwt/dashboard";
const loginRedirect = `/jwt/login?next=${encodeURIComponent(dashboard)}`;

/** JWT mode's second cookie; production names it `__Secure-` (lib/auth/cookies.ts). */
async function refreshCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === "__Secure-svj-jwt-refresh");
}

async function expectRefusedInBrowser(context: BrowserContext, baseURL: string, token: string) {
  await plantAuthCookie(context, baseURL, "jwt", token);
  const page = await context.newPage();
  await page.goto(dashboard);
  await expect(page).toHaveURL(loginRedirect);
}

test("a token whose role was edited (same signature) is rejected", async ({ request, browser, baseURL }) => {
  const { body } = await loginViaApi(request, "jwt", bob);
  const token = body.accessToken!;
  expect(decodeJwt(token).payload).toMatchObject({ role: "user" });
  const me = await meWith(request, "jwt", { bearer: token });
  expect(await me.json()).toMatchObject({ user: { role: "user" } });

  const forged = forgeJwt(token, { payload: { role: "admin" } });
  expect(decodeJwt(forged).payload).toMatchObject({ role: "admin", sub: body.user.id });
  for (const credential of [{ bearer: forged }, { cookie: forged }]) {
    const response = await meWith(request, "jwt", credential);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "token_bad_signature" } });
  }
  const context = await browser.newContext();
  await expectRefusedInBrowser(context, baseURL!, forged);
  await context.close();
});

test("an unsigned alg:none token is rejected", async ({ request, browser, baseURL }) => {
  const { body } = await loginViaApi(request, "jwt", bob);
  const unsigned = forgeJwt(body.accessToken!, { header: { alg: "none" }, payload: { role: "admin" }, signature: "" });
  expect(unsigned.endsWith(".")).toBe(true);

  for (const credential of [{ bearer: unsigned }, { cookie: unsigned }]) {
    const response = await meWith(request, "jwt", credential);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "token_alg_not_allowed" } });
  }
  const context = await browser.newContext();
  await expectRefusedInBrowser(context, baseURL!, unsigned);
  await context.close();
});

test("a token copied before logout is refused after it, as Bearer and as cookie", async ({ page, context, browser, request, baseURL }) => {
  await loginViaForm(page, "jwt", bob);
  const copied = await authCookieValue(context, "jwt");
  expect((await meWith(request, "jwt", { bearer: copied })).status()).toBe(200);
  const thief = await browser.newContext();
  await plantAuthCookie(thief, baseURL!, "jwt", copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto(dashboard);
  await expect(dashboardHeading(thiefPage, bob)).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/jwt/login?signedOut=1");

  // Still a valid signature before its exp: only the denylist (by jti) can say no.
  for (const credential of [{ bearer: copied }, { cookie: copied }]) {
    const response = await meWith(request, "jwt", credential);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "token_revoked" } });
  }
  await thiefPage.goto(dashboard);
  await expect(thiefPage).toHaveURL(loginRedirect);
  await thief.close();
});

test("a Bearer token works on /api/jwt/me without any cookie", async ({ request, playwright, baseURL }) => {
  const { body } = await loginViaApi(request, "jwt", bob);
  const cookieless = await playwright.request.newContext({ baseURL });
  expect(await cookieless.storageState()).toMatchObject({ cookies: [] });

  const anonymous = await cookieless.get("/api/jwt/me");
  expect(anonymous.status()).toBe(401);
  const response = await meWith(cookieless, "jwt", { bearer: body.accessToken! });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    user: { id: body.user.id, role: "user" },
    token: { jti: decodeJwt(body.accessToken!).payload.jti },
  });
  await cookieless.dispose();
});

test("a lost access token is renewed from the path-scoped refresh cookie, until logout", async ({ page, context }) => {
  await loginViaForm(page, "jwt", bob);
  const refresh = await refreshCookie(context);
  // Sent only to /api/jwt/*, never with pages: a narrower path than `__Host-` allows.
  expect(refresh).toMatchObject({ path: "/api/jwt", httpOnly: true, secure: true, sameSite: "Lax" });
  const first = await authCookieValue(context, "jwt");

  await context.clearCookies({ name: cookieName("jwt") });
  await page.goto(dashboard);
  await expect(page).toHaveURL(dashboard);
  await expect(dashboardHeading(page, bob)).toBeVisible();
  const renewed = await authCookieValue(context, "jwt");
  expect(decodeJwt(renewed).payload.jti).not.toBe(decodeJwt(first).payload.jti);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/jwt/login?signedOut=1");
  expect(await refreshCookie(context)).toBeUndefined();
  // A copy kept from before the logout belongs to a revoked family: no renewal.
  await context.addCookies([refresh!]);
  expect(await refreshCookie(context)).toBeDefined();
  await page.goto(dashboard);
  await expect(page).toHaveURL(loginRedirect);
  expect(await authCookie(context, "jwt")).toBeUndefined();
  // Cleared by the server, so it was presented and refused.
  expect(await refreshCookie(context)).toBeUndefined();
});

const garbage = {
  "a word": "garbage",
  "three dots": "a.b.c",
  "empty parts": "..",
  "base64 noise": `${Buffer.from("{}").toString("base64url")}.${"x".repeat(40)}.${"y".repeat(43)}`,
  "5000 characters": "a".repeat(5000),
  "a non-token character": "abc$def",
};

for (const [label, value] of Object.entries(garbage)) {
  test(`a garbage Bearer token (${label}) gets 401, not 500`, async ({ playwright, baseURL }) => {
    const cookieless = await playwright.request.newContext({ baseURL });
    const response = await meWith(cookieless, "jwt", { bearer: value });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: expect.stringMatching(/^token_/) } });
    expect(response.headers()["www-authenticate"]).toContain("Bearer");
    await cookieless.dispose();
  });
}
