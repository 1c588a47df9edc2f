import { expect, type APIRequestContext } from "@playwright/test";
import { refreshRowId } from "../lib/auth/jwt/refresh/secret.ts";
import {
  alice,
  authCookieValue,
  bob,
  cookieName,
  dashboardHeading,
  decodeJwt,
  expectApiError,
  loginRedirect,
  loginViaApi,
  loginViaForm,
  MODES,
  refreshCookie,
  submitLoginForm,
} from "./fixtures.ts";
import { test } from "./throwaway.ts";

/** Token lifecycle in both modes: admin disable, cross-tab logout, refresh rotation and reuse (password change: password.spec.ts). */

function refreshWith(api: APIRequestContext, refreshToken: string) {
  return api.post("/api/jwt/refresh", { data: { refreshToken } });
}

test.describe("admin disable", () => {
  test("disabling a user logs their session-mode browser out at once and revokes their refresh families", async ({ makeUser, loggedInPage, apiLogin }) => {
    const target = await makeUser();
    const page = await loggedInPage("session", target);
    const jwtClient = await apiLogin("jwt", target);
    const admin = await apiLogin("session", alice);

    const response = await admin.api.post(`/api/admin/users/${target.id}/disable`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ userId: target.id, disabled: true, revokedSessions: 1, revokedFamilies: 1 });

    await page.reload();
    await expect(page).toHaveURL(loginRedirect("session"));
    await expectApiError(await refreshWith(jwtClient.api, jwtClient.body.refreshToken!), 401, "refresh_revoked");
    await submitLoginForm(page, target);
    await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  });

  test("a non-admin cannot disable anyone", async ({ makeUser, loggedInPage, apiLogin }) => {
    const target = await makeUser();
    const page = await loggedInPage("session", target);
    const someone = await apiLogin("session", await makeUser());

    await expectApiError(await someone.api.post(`/api/admin/users/${target.id}/disable`), 403, "forbidden");
    await page.reload();
    await expect(dashboardHeading(page, target)).toBeVisible();
  });
});

for (const mode of MODES) {
  const other = mode === "session" ? "jwt" : "session";

  test(`logging out in one tab sends the other ${mode}-mode tabs to the login page by themselves`, async ({ page, context }) => {
    await loginViaForm(page, other, bob);
    await loginViaForm(page, mode, bob);
    const sameMode = await context.newPage();
    await sameMode.goto(`/${mode}/dashboard`);
    await expect(dashboardHeading(sameMode, bob)).toBeVisible();
    const otherMode = await context.newPage();
    await otherMode.goto(`/${other}/dashboard`);
    await expect(dashboardHeading(otherMode, bob)).toBeVisible();

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(`/${mode}/login?signedOut=1`);
    await expect(sameMode).toHaveURL(`/${mode}/login?signedOut=1`);
    await expect(sameMode.getByRole("status").filter({ hasText: "logged out" })).toHaveText(new RegExp(`You are logged out of ${mode} mode`, "i"));
    // The message names its mode: a tab of the other mode stays where it is, still logged in.
    await expect(otherMode).toHaveURL(`/${other}/dashboard`);
    await otherMode.reload();
    await expect(dashboardHeading(otherMode, bob)).toBeVisible();
  });
}

test.describe("JWT refresh", () => {
  test("a page visited without its access token comes back, with a new access token and a rotated refresh token", async ({ page, context }) => {
    await loginViaForm(page, "jwt", bob);
    const access = await authCookieValue(context, "jwt");
    const refresh = (await refreshCookie(context))!.value;

    await context.clearCookies({ name: cookieName("jwt") });
    const wanted = "/jwt/dashboard?from=refresh";
    await page.goto(wanted);
    await expect(page).toHaveURL(wanted);
    await expect(dashboardHeading(page, bob)).toBeVisible();
    expect(decodeJwt(await authCookieValue(context, "jwt")).payload.jti).not.toBe(decodeJwt(access).payload.jti);
    expect((await refreshCookie(context))!.value).not.toBe(refresh);
  });

  test("a refresh token replayed inside the grace window gets the same successor and revokes nothing", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const first = await refreshWith(request, body.refreshToken!);
    expect(first.status()).toBe(200);
    const child = ((await first.json()) as { refreshToken: string }).refreshToken;
    expect(child).not.toBe(body.refreshToken);

    // A second tab racing the first: REFRESH_REUSE_GRACE_SECONDS (10 s by default) covers it.
    const replay = await refreshWith(request, body.refreshToken!);
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toMatchObject({ refreshToken: child });
    expect((await refreshWith(request, child)).status()).toBe(200);
  });

  test("a refresh token replayed after the grace window is reuse: the whole family is revoked", async ({ request, db }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const first = await refreshWith(request, body.refreshToken!);
    expect(first.status()).toBe(200);
    const child = ((await first.json()) as { refreshToken: string }).refreshToken;

    // Instead of sleeping through the window, date the rotation back past it (the server and
    // these workers share the environment, so this is the window the server applies).
    const graceSeconds = Number(process.env.REFRESH_REUSE_GRACE_SECONDS || 10);
    const { count } = await db.refreshToken.updateMany({
      where: { id: refreshRowId(body.refreshToken!), usedAt: { not: null } },
      data: { usedAt: new Date(Date.now() - (graceSeconds + 5) * 1000) },
    });
    expect(count, "the first refresh marked the old token used").toBe(1);

    await expectApiError(await refreshWith(request, body.refreshToken!), 401, "refresh_reused");
    // The legitimate holder's newest token dies with the family.
    await expectApiError(await refreshWith(request, child), 401, "refresh_revoked");
  });
});
