import { expect } from "@playwright/test";
import { cookieName, dashboardHeading, refreshCookie } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * A JWT page left open past its access token's life: the next form post finds no access token
 * (deleted here, as the browser does at expiry) while the refresh cookie is still good. The
 * post must renew the token and carry on — never land on /api/jwt/refresh?next=… over a login
 * form with what was typed thrown away (issue 22, item 3).
 */

test("a password change with the access cookie gone renews the token and changes the password", async ({ makeUser, loggedInPage }) => {
  const user = await makeUser();
  const page = await loggedInPage("jwt", user);
  const context = page.context();
  expect(await refreshCookie(context)).toBeDefined();
  await context.clearCookies({ name: cookieName("jwt") });

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("a-brand-new-password-22");
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page.getByText(/^Password changed\./)).toBeVisible();
  await expect(page).toHaveURL("/jwt/dashboard");
  await expect(dashboardHeading(page, user)).toBeVisible();
});

test("a form post with no access token and no refresh token ends on the login page, not under the refresh address", async ({ makeUser, loggedInPage }) => {
  const user = await makeUser();
  const page = await loggedInPage("jwt", user);
  await page.context().clearCookies();

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("a-brand-new-password-22");
  await page.getByRole("button", { name: "Change password" }).click();

  // Two round trips and a page load (refused renewal, then the page refresh's redirect): a hang
  // guard wide enough for a busy machine, not a speed claim.
  await expect(page).toHaveURL(/\/jwt\/login\?next=%2Fjwt%2Fdashboard$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: /^Log in/ })).toBeVisible();
});

test("the dashboard's logout with the access cookie gone still logs out", async ({ makeUser, loggedInPage }) => {
  const user = await makeUser();
  const page = await loggedInPage("jwt", user);
  await page.context().clearCookies({ name: cookieName("jwt") });
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/jwt\/login/);
  expect(await refreshCookie(page.context())).toBeUndefined();
});
