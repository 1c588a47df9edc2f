import { expect } from "@playwright/test";
import {
  alice,
  authCookieValue,
  bob,
  dashboardHeading,
  expectApiError,
  loginRedirect,
  loginViaApi,
  loginViaForm,
  meWith,
  openDashboardHolding,
  plantAuthCookie,
  tamperSeal,
} from "./fixtures.ts";
import { test } from "./throwaway.ts";

/** What only session mode promises: the database row decides, so the server can end a login. */

const dashboard = "/session/dashboard";

test("a session row ended on the server logs the browser out on its next request", async ({ browser, db, makeUser, apiLogin }) => {
  const user = await makeUser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginViaForm(page, "session", user);
  const cookie = await authCookieValue(context, "session");
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

  // Through the app, as every revocation is: with SESSION_CACHE=push (the default) that write
  // also evicts the cached row. (A row deleted by hand in SQL counts after the cache's max age:
  // docs/CONFIGURATION.md.)
  const { api } = await apiLogin("session", alice);
  expect(await (await api.post(`/api/admin/users/${user.id}/end-all`)).json()).toMatchObject({ revokedSessions: 1 });
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

  // The seal still unseals, so the proxy lets it through: the DAL is what says no.
  await page.reload();
  await expect(page).toHaveURL(loginRedirect("session"));
  await expectApiError(await meWith(page.request, "session", { cookie }), 401, "session_unknown");
  await context.close();
});

test("a session cookie copied before logout is refused after it", async ({ page, context, browser, request, baseURL }) => {
  await loginViaForm(page, "session", bob);
  const copied = await authCookieValue(context, "session");
  const thiefPage = await openDashboardHolding(browser, baseURL!, "session", copied);
  await expect(dashboardHeading(thiefPage, bob)).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/session/login?signedOut=1");

  await thiefPage.goto(dashboard);
  await expect(thiefPage).toHaveURL(loginRedirect("session"));
  await expectApiError(await meWith(request, "session", { cookie: copied }), 401, "session_unknown");
  await thiefPage.context().close();
});

test("a tampered seal is not accepted", async ({ browser, request, baseURL }) => {
  const { cookie } = await loginViaApi(request, "session", bob);
  expect((await meWith(request, "session", { cookie })).status()).toBe(200);
  const tampered = tamperSeal(cookie);

  await expectApiError(await meWith(request, "session", { cookie: tampered }), 401, "seal_invalid");

  const page = await openDashboardHolding(browser, baseURL!, "session", tampered);
  await expect(page).toHaveURL(loginRedirect("session"));
  await page.context().close();
});

test("logging in replaces a session cookie planted beforehand (no fixation)", async ({ page, context, request, baseURL }) => {
  // The attacker's own valid session, planted in the victim's browser before they log in.
  const { cookie: planted } = await loginViaApi(request, "session", bob);
  await plantAuthCookie(context, baseURL!, "session", planted);

  await loginViaForm(page, "session", alice);
  const issued = await authCookieValue(context, "session");
  expect(issued).not.toBe(planted);

  // The planted id was not promoted to the victim's login: the login that replaced it ended it.
  const attacker = await meWith(request, "session", { cookie: planted });
  await expectApiError(attacker, 401, "session_unknown");
  const victim = await meWith(request, "session", { cookie: issued });
  expect(await victim.json()).toMatchObject({ user: { email: alice.email, role: "admin" } });
});

test("every login issues a new session cookie value and ends the one it replaces", async ({ page, context, request }) => {
  await loginViaForm(page, "session", bob);
  const first = await authCookieValue(context, "session");
  await loginViaForm(page, "session", bob);
  const second = await authCookieValue(context, "session");
  expect(second).not.toBe(first);
  // The replaced session's row is gone, not left to linger until it expires.
  expect((await meWith(request, "session", { cookie: first })).status()).toBe(401);
  expect((await meWith(request, "session", { cookie: second })).status()).toBe(200);
});
