import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import {
  authCookie,
  authCookieValue,
  bob,
  cookieName,
  dashboardHeading,
  decodeJwt,
  expectApiError,
  forgeJwt,
  loginRedirect,
  loginViaApi,
  loginViaForm,
  meWith,
  openDashboardHolding,
  refreshCookie,
} from "./fixtures.ts";

/** What only JWT mode promises: the signature is the truth, and logout works through the denylist. */

const dashboard = "/jwt/dashboard";

/** Refused by the proxy's signature check and by the API, as Bearer and as cookie. */
async function expectForgeryRefused(request: APIRequestContext, browser: Browser, baseURL: string, token: string, code: string) {
  for (const credential of [{ bearer: token }, { cookie: token }]) {
    await expectApiError(await meWith(request, "jwt", credential), 401, code);
  }
  const page = await openDashboardHolding(browser, baseURL, "jwt", token);
  await expect(page).toHaveURL(loginRedirect("jwt"));
  await page.context().close();
}

test("a token whose role was edited (same signature) is rejected", async ({ request, browser, baseURL }) => {
  const { body } = await loginViaApi(request, "jwt", bob);
  const token = body.accessToken!;
  expect(decodeJwt(token).payload).toMatchObject({ role: "user" });
  const me = await meWith(request, "jwt", { bearer: token });
  expect(await me.json()).toMatchObject({ user: { role: "user" } });

  const forged = forgeJwt(token, { payload: { role: "admin" } });
  expect(decodeJwt(forged).payload).toMatchObject({ role: "admin", sub: body.user.id });
  await expectForgeryRefused(request, browser, baseURL!, forged, "token_bad_signature");
});

test("an unsigned alg:none token is rejected", async ({ request, browser, baseURL }) => {
  const { body } = await loginViaApi(request, "jwt", bob);
  const unsigned = forgeJwt(body.accessToken!, { header: { alg: "none" }, payload: { role: "admin" }, signature: "" });
  expect(unsigned.endsWith(".")).toBe(true);

  await expectForgeryRefused(request, browser, baseURL!, unsigned, "token_alg_not_allowed");
});

test("a token copied before logout is refused after it, as Bearer and as cookie", async ({ page, context, browser, request, baseURL }) => {
  await loginViaForm(page, "jwt", bob);
  const copied = await authCookieValue(context, "jwt");
  expect((await meWith(request, "jwt", { bearer: copied })).status()).toBe(200);
  const thiefPage = await openDashboardHolding(browser, baseURL!, "jwt", copied);
  await expect(dashboardHeading(thiefPage, bob)).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/jwt/login?signedOut=1");

  // Still a valid signature before its exp: only the denylist (by jti) can say no.
  for (const credential of [{ bearer: copied }, { cookie: copied }]) {
    await expectApiError(await meWith(request, "jwt", credential), 401, "token_revoked");
  }
  await thiefPage.goto(dashboard);
  await expect(thiefPage).toHaveURL(loginRedirect("jwt"));
  await thiefPage.context().close();
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
  await expect(page).toHaveURL(loginRedirect("jwt"));
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
    await expectApiError(response, 401, expect.stringMatching(/^token_/));
    expect(response.headers()["www-authenticate"]).toContain("Bearer");
    await cookieless.dispose();
  });
}
