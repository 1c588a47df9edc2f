import { expect, test } from "@playwright/test";
import {
  alice,
  authCookie,
  authCookieValue,
  bob,
  cookieName,
  dashboardHeading,
  loginRedirect,
  loginViaForm,
  MODES,
  submitLoginForm,
  type Mode,
} from "./fixtures.ts";

/** The same journey for both modes: whatever differs inside, a user must not be able to tell. */

/** The documented defaults (.env.example): 7 days absolute for a session, 15 minutes for a JWT. */
const cookieLifetimeSeconds: Record<Mode, number> = { session: 7 * 24 * 3600, jwt: 15 * 60 };

for (const mode of MODES) {
  const other: Mode = mode === "session" ? "jwt" : "session";
  const login = `/${mode}/login`;
  const dashboard = `/${mode}/dashboard`;

  test.describe(`${mode} mode`, () => {
    test("an anonymous visitor is sent to login with ?next=", async ({ page }) => {
      await page.goto(dashboard);
      await expect(page).toHaveURL(loginRedirect(mode));
      await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
    });

    test("a wrong password shows an error, keeps the e-mail and sets no cookie", async ({ page, context }) => {
      await page.goto(login);
      await submitLoginForm(page, { email: bob.email, password: "not-bobs-password" });
      await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
      await expect(page.getByLabel("E-mail")).toHaveValue(bob.email);
      await expect(page).toHaveURL(login);
      expect(await authCookie(context, mode)).toBeUndefined();
    });

    test("login shows the user's name and role on the dashboard", async ({ page }) => {
      await loginViaForm(page, mode, alice);
      await expect(page.getByText(`${alice.email} · role ${alice.role}`)).toBeVisible();
    });

    test("a reload keeps the user logged in", async ({ page }) => {
      await loginViaForm(page, mode, bob);
      await page.reload();
      await expect(page).toHaveURL(dashboard);
      await expect(dashboardHeading(page, bob)).toBeVisible();
    });

    test("after login the user returns to the page that asked for it", async ({ page }) => {
      const wanted = `${dashboard}?from=e2e`;
      await page.goto(wanted);
      await expect(page).toHaveURL(`${login}?next=${encodeURIComponent(wanted)}`);
      await submitLoginForm(page, bob);
      await expect(page).toHaveURL(wanted);
      await expect(dashboardHeading(page, bob)).toBeVisible();
    });

    test("a same-origin ?next= outside the mode is honoured", async ({ page }) => {
      await page.goto(`${login}?next=${encodeURIComponent("/?came=back")}`);
      await submitLoginForm(page, bob);
      await expect(page).toHaveURL("/?came=back");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("side by side");
    });

    for (const offSite of ["//evil.example", "https://evil.example", "/\\evil.example"]) {
      test(`an off-site ?next=${offSite} is dropped`, async ({ page, baseURL }) => {
        await page.goto(`${login}?next=${encodeURIComponent(offSite)}`);
        await submitLoginForm(page, bob);
        await expect(page).toHaveURL(`${baseURL}${dashboard}`);
        await expect(dashboardHeading(page, bob)).toBeVisible();
      });
    }

    test("logout ends access and says so", async ({ page, context }) => {
      await loginViaForm(page, mode, bob);
      await page.getByRole("button", { name: "Log out" }).click();
      await expect(page).toHaveURL(`${login}?signedOut=1`);
      await expect(page.getByRole("status").filter({ hasText: "logged out" })).toHaveText(new RegExp(`You are logged out of ${mode} mode`, "i"));
      expect(await authCookie(context, mode)).toBeUndefined();
      await page.goto(dashboard);
      await expect(page).toHaveURL(loginRedirect(mode));
    });

    test("the cookie is httpOnly, SameSite=Lax, Secure, host-only with a sensible expiry", async ({ page, context, baseURL }) => {
      await loginViaForm(page, mode, bob);
      const cookie = await authCookie(context, mode);
      expect(cookie).toMatchObject({
        name: cookieName(mode),
        httpOnly: true,
        sameSite: "Lax",
        secure: true,
        path: "/",
        domain: new URL(baseURL!).hostname,
      });
      expect(cookie!.name.startsWith("__Host-")).toBe(true);
      const expectedExpiry = Date.now() / 1000 + cookieLifetimeSeconds[mode];
      expect(cookie!.expires).toBeGreaterThan(expectedExpiry - 120);
      expect(cookie!.expires).toBeLessThan(expectedExpiry + 120);
      expect(await page.evaluate(() => document.cookie)).not.toContain(cookieName(mode));
    });

    test(`logging in to ${mode} mode does not log in to ${other} mode`, async ({ page, context }) => {
      await loginViaForm(page, mode, bob);
      expect(await authCookie(context, other)).toBeUndefined();
      await page.goto(`/${other}/dashboard`);
      await expect(page).toHaveURL(loginRedirect(other));
      expect((await page.request.get(`/api/${other}/me`)).status()).toBe(401);
      expect((await page.request.get(`/api/${mode}/me`)).status()).toBe(200);
    });

    test("the login form works without JavaScript", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(login);
      await submitLoginForm(page, { email: bob.email, password: "wrong" });
      await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
      await expect(page.getByLabel("E-mail")).toHaveValue(bob.email);
      await submitLoginForm(page, bob);
      await expect(page).toHaveURL(dashboard);
      await expect(dashboardHeading(page, bob)).toBeVisible();
      expect(await authCookieValue(context, mode)).not.toBe("");
      await context.close();
    });
  });
}

test("one browser can be logged in to both modes at once, as different users", async ({ page, context }) => {
  await loginViaForm(page, "session", alice);
  await loginViaForm(page, "jwt", bob);
  await page.goto("/session/dashboard");
  await expect(dashboardHeading(page, alice)).toBeVisible();
  await page.goto("/jwt/dashboard");
  await expect(dashboardHeading(page, bob)).toBeVisible();
  expect(await authCookie(context, "session")).toBeDefined();
  expect(await authCookie(context, "jwt")).toBeDefined();
});
