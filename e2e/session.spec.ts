import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { alice, authCookieValue, bob, dashboardHeading, loginViaApi, loginViaForm, meWith, plantAuthCookie, tamperSeal } from "./fixtures.ts";

/** What only session mode promises: the database row decides, so the server can end a login. */

const dashboard = "/session/dashboard";
const loginRedirect = `/session/login?next=${encodeURIComponent(dashboard)}`;

/**
 * The server's own database: playwright.config.ts creates it and hands its URL to the
 * webServer and, through the environment, to these workers.
 */
async function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through playwright.config.ts or `npm run test:e2e`");
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../lib/db.ts");
  return getDb();
}

test.afterAll(async () => {
  if (process.env.DATABASE_URL) await (await database()).$disconnect();
});

test("deleting the session row logs the browser out on its next request", async ({ browser }) => {
  // A user agent no other test uses picks out exactly this browser's row(s).
  const userAgent = `svj-e2e revocation ${randomUUID()}`;
  const context = await browser.newContext({ userAgent });
  const page = await context.newPage();
  await loginViaForm(page, "session", bob);
  const cookie = await authCookieValue(context, "session");

  const db = await database();
  const { count } = await db.session.deleteMany({ where: { userAgent } });
  expect(count).toBe(1);

  // The seal still unseals, so the proxy lets it through: the DAL is what says no.
  await page.reload();
  await expect(page).toHaveURL(loginRedirect);
  const me = await meWith(page.request, "session", { cookie });
  expect(me.status()).toBe(401);
  expect(await me.json()).toMatchObject({ error: { code: "session_unknown" } });
  await context.close();
});

test("a session cookie copied before logout is refused after it", async ({ page, context, browser, request, baseURL }) => {
  await loginViaForm(page, "session", bob);
  const copied = await authCookieValue(context, "session");

  const thief = await browser.newContext();
  await plantAuthCookie(thief, baseURL!, "session", copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto(dashboard);
  await expect(dashboardHeading(thiefPage, bob)).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/session/login?signedOut=1");

  await thiefPage.goto(dashboard);
  await expect(thiefPage).toHaveURL(loginRedirect);
  const me = await meWith(request, "session", { cookie: copied });
  expect(me.status()).toBe(401);
  expect(await me.json()).toMatchObject({ error: { code: "session_unknown" } });
  await thief.close();
});

test("a tampered seal is not accepted", async ({ browser, request, baseURL }) => {
  const { cookie } = await loginViaApi(request, "session", bob);
  expect((await meWith(request, "session", { cookie })).status()).toBe(200);
  const tampered = tamperSeal(cookie);

  const me = await meWith(request, "session", { cookie: tampered });
  expect(me.status()).toBe(401);
  expect(await me.json()).toMatchObject({ error: { code: "session_unknown" } });

  const context = await browser.newContext();
  await plantAuthCookie(context, baseURL!, "session", tampered);
  const page = await context.newPage();
  await page.goto(dashboard);
  await expect(page).toHaveURL(loginRedirect);
  await context.close();
});

test("logging in replaces a session cookie planted beforehand (no fixation)", async ({ page, context, request, baseURL }) => {
  // The attacker's own valid session, planted in the victim's browser before they log in.
  const { cookie: planted } = await loginViaApi(request, "session", bob);
  await plantAuthCookie(context, baseURL!, "session", planted);

  await loginViaForm(page, "session", alice);
  const issued = await authCookieValue(context, "session");
  expect(issued).not.toBe(planted);

  // The planted id was not promoted to the victim's login: it is still only the attacker's.
  const attacker = await meWith(request, "session", { cookie: planted });
  expect(await attacker.json()).toMatchObject({ user: { email: bob.email, role: "user" } });
  const victim = await meWith(request, "session", { cookie: issued });
  expect(await victim.json()).toMatchObject({ user: { email: alice.email, role: "admin" } });
});

test("every login issues a new session cookie value", async ({ page, context }) => {
  await loginViaForm(page, "session", bob);
  const first = await authCookieValue(context, "session");
  await loginViaForm(page, "session", bob);
  const second = await authCookieValue(context, "session");
  expect(second).not.toBe(first);
});
