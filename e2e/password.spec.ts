import { expect, type APIRequestContext, type Page } from "@playwright/test";
import {
  authCookieValue,
  cookieName,
  dashboardHeading,
  expectApiError,
  loginRedirect,
  loginViaApi,
  meWith,
  refreshCookie,
  setCookieValue,
  submitLoginForm,
} from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * Password change (issue 11 §2): every other login of the user ends, and the credential that
 * made the change is renewed, so a copy of it is refused while the user's browser carries on.
 */

async function changePasswordOnDashboard(page: Page, currentPassword: string, newPassword: string) {
  await page.getByLabel("Current password").fill(currentPassword);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
}

function refreshWith(api: APIRequestContext, refreshToken: string) {
  return api.post("/api/jwt/refresh", { data: { refreshToken } });
}

test.describe("password change", () => {
  test("a wrong current password changes nothing", async ({ makeUser, loggedInPage }) => {
    const user = await makeUser();
    const here = await loggedInPage("session", user);
    const there = await loggedInPage("session", user);
    await changePasswordOnDashboard(here, "not-the-password", "a-brand-new-password");
    await expect(here.getByText("The current password is wrong.")).toBeVisible();
    await there.reload();
    await expect(dashboardHeading(there, user)).toBeVisible();
  });

  test("in session mode it ends the other browser's session and renews this one: a copy of the old cookie is refused", async ({ makeUser, loggedInPage, request }) => {
    const user = await makeUser();
    const here = await loggedInPage("session", user);
    const there = await loggedInPage("session", user);
    const oldCookie = await authCookieValue(here.context(), "session");
    const newPassword = "a-brand-new-password";
    await changePasswordOnDashboard(here, user.password, newPassword);
    await expect(here.getByText("Password changed. Ended 1 other session(s) and 0 other refresh families. This browser got a new credential.")).toBeVisible();

    // The cookie that made the change was replaced (a new row, the old one deleted).
    expect(await authCookieValue(here.context(), "session")).not.toBe(oldCookie);
    await expectApiError(await meWith(request, "session", { cookie: oldCookie }), 401, "session_unknown");
    // The browser that changed it carries on with the new one.
    await here.reload();
    await expect(dashboardHeading(here, user)).toBeVisible();

    await there.reload();
    await expect(there).toHaveURL(loginRedirect("session"));
    await submitLoginForm(there, user);
    await expect(there.getByText("Wrong e-mail or password.")).toBeVisible();
    await submitLoginForm(there, { email: user.email, password: newPassword });
    await expect(dashboardHeading(there, user)).toBeVisible();
  });

  test("in JWT mode it ends every refresh family and earlier access token, and renews this browser's login", async ({ makeUser, loggedInPage, request }) => {
    const user = await makeUser();
    const here = await loggedInPage("jwt", user);
    const there = await loggedInPage("jwt", user);
    const thereRefresh = (await refreshCookie(there.context()))!.value;
    const oldAccess = await authCookieValue(here.context(), "jwt");
    const oldRefresh = (await refreshCookie(here.context()))!.value;
    await changePasswordOnDashboard(here, user.password, "a-brand-new-password");
    await expect(here.getByText("Password changed. Ended 0 other session(s) and 1 other refresh family. This browser got a new credential.")).toBeVisible();

    // The login that made the change: its access token denylisted, its family revoked.
    expect(await authCookieValue(here.context(), "jwt")).not.toBe(oldAccess);
    expect((await refreshCookie(here.context()))!.value).not.toBe(oldRefresh);
    await expectApiError(await meWith(request, "jwt", { bearer: oldAccess }), 401, "token_revoked");
    await expectApiError(await refreshWith(request, oldRefresh), 401, "refresh_revoked");
    // This browser stays logged in, and its new refresh token renews.
    await here.reload();
    await expect(dashboardHeading(here, user)).toBeVisible();
    await here.context().clearCookies({ name: cookieName("jwt") });
    await here.goto("/jwt/dashboard");
    await expect(dashboardHeading(here, user)).toBeVisible();

    // The other browser: its access token is stale at once (the default check compares the
    // token version), and its refresh family is gone, so it lands on the login page.
    await expectApiError(await refreshWith(request, thereRefresh), 401, "refresh_revoked");
    await there.reload();
    await expect(there).toHaveURL(loginRedirect("jwt"));
  });
});

test.describe("password change through the API", () => {
  const body = (user: { password: string }) => ({ data: { currentPassword: user.password, newPassword: "an-api-new-password" } });

  test("session mode: the cookie used is replaced, and a copy of it is refused", async ({ makeUser, apiLogin, request }) => {
    const user = await makeUser();
    const client = await apiLogin("session", user);
    const response = await client.api.post("/api/account/password", body(user));
    expect(response.status(), await response.text()).toBe(200);
    expect(await response.json()).toMatchObject({ revokedSessions: 0, revokedFamilies: 0, renewed: true });
    const renewed = setCookieValue(response, "session");
    expect(renewed).not.toBe(client.cookie);

    await expectApiError(await meWith(request, "session", { cookie: client.cookie }), 401, "session_unknown");
    expect((await meWith(request, "session", { cookie: renewed })).status()).toBe(200);
  });

  test("JWT mode with a Bearer token: new tokens in the answer; the old access and refresh tokens are refused", async ({ makeUser, request }) => {
    const user = await makeUser();
    const { body: login } = await loginViaApi(request, "jwt", user);
    const response = await request.post("/api/account/password", { ...body(user), headers: { authorization: `Bearer ${login.accessToken}` } });
    expect(response.status(), await response.text()).toBe(200);
    const renewed = (await response.json()) as { accessToken: string; refreshToken: string; renewed: boolean };
    expect(renewed.renewed).toBe(true);
    expect(renewed.accessToken).not.toBe(login.accessToken);
    expect(renewed.refreshToken).not.toBe(login.refreshToken);

    await expectApiError(await meWith(request, "jwt", { bearer: login.accessToken! }), 401, "token_revoked");
    await expectApiError(await refreshWith(request, login.refreshToken!), 401, "refresh_revoked");
    expect((await meWith(request, "jwt", { bearer: renewed.accessToken })).status()).toBe(200);
    expect((await refreshWith(request, renewed.refreshToken)).status()).toBe(200);
  });
});

