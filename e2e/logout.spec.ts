import { expect } from "@playwright/test";
import { authCookie, cookieName, expectApiError, loginViaForm, refreshCookie } from "./fixtures.ts";
import { test } from "./throwaway.ts";

// JWT logout must end the refresh family even when the access token is gone or expired:
// that family, not the 15-minute token, is what keeps a login alive.

test("logout with only the refresh cookie (access token expired) still ends the family", async ({ makeUser, apiLogin, playwright, baseURL }) => {
  const { api, body } = await apiLogin("jwt", await makeUser());
  const onlyRefresh = (await api.storageState()).cookies.filter((cookie) => cookie.name.includes("refresh"));
  expect(onlyRefresh).toHaveLength(1);
  const bare = await playwright.request.newContext({ baseURL, storageState: { cookies: onlyRefresh, origins: [] } });
  expect((await bare.post("/api/jwt/logout")).status()).toBe(204);
  await expectApiError(await bare.post("/api/jwt/refresh", { data: { refreshToken: body.refreshToken } }), 401, "refresh_revoked");
  await bare.dispose();
});

test("an API client can end its family by sending {refreshToken} to logout", async ({ makeUser, playwright, baseURL }) => {
  const user = await makeUser();
  const client = await playwright.request.newContext({ baseURL });
  const login = await client.post("/api/jwt/login", { data: { email: user.email, password: user.password } });
  const { refreshToken } = (await login.json()) as { refreshToken: string };
  await client.dispose();

  const stranger = await playwright.request.newContext({ baseURL }); // no cookies at all
  expect((await stranger.post("/api/jwt/logout", { data: { refreshToken } })).status()).toBe(204);
  await expectApiError(await stranger.post("/api/jwt/refresh", { data: { refreshToken } }), 401, "refresh_revoked");
  await stranger.dispose();
});

test("refresh refuses a cross-site request, with a JSON body too", async ({ makeUser, apiLogin }) => {
  const { api, body } = await apiLogin("jwt", await makeUser());
  const refreshToken = body.refreshToken;
  const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
  await expectApiError(await api.post("/api/jwt/refresh", { headers: crossSite }), 403, "cross_site_request");
  await expectApiError(await api.post("/api/jwt/refresh", { headers: crossSite, data: { refreshToken } }), 403, "cross_site_request");
});

for (const mode of ["session", "jwt"] as const) {
  test(`${mode}: the Log out button works without JavaScript and ends the login server-side`, async ({ browser, makeUser }) => {
    const user = await makeUser();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await loginViaForm(page, mode, user);
    const held = (await authCookie(context, mode))!.value;
    const heldRefresh = (await refreshCookie(context))?.value;

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(`/${mode}/login?signedOut=1`);
    await expect(page.getByRole("status").filter({ hasText: "logged out" })).toContainText("You are logged out");
    expect(await authCookie(context, mode)).toBeUndefined();

    const replay = await page.request.get(`/api/${mode}/me`, { headers: { cookie: `${cookieName(mode)}=${held}` } });
    expect(replay.status()).toBe(401);
    if (mode === "jwt") {
      await expectApiError(await page.request.post("/api/jwt/refresh", { data: { refreshToken: heldRefresh } }), 401, "refresh_revoked");
    }
    await context.close();
  });
}
