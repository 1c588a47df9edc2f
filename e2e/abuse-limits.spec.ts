import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { dashboardHeading, expectApiError, loginViaForm, submitLoginForm } from "./fixtures.ts";
import { startOwnServer, type OwnServer } from "./own-server.ts";
import { test } from "./throwaway.ts";

/**
 * Issue 18 item 2, black-box, on a server of its own (e2e/own-server.ts) whose limits are tiny
 * and whose clock barely refills them: a hashing budget of 4 at one token per 1,000 s, and two
 * sign-up attempts per client. Every outcome below is decided by counts, none by speed.
 * Same build and database as the shared server; its memory (the budget, the throttles) is its own.
 */

test.describe.configure({ mode: "serial" });

let own: OwnServer;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  own = await startOwnServer(Number(new URL(baseURL!).port) + 2, {
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    DEMO_USERS: "false",
    PASSWORD_HASHES_PER_SECOND: "0.001",
    PASSWORD_HASH_BURST: "4",
    SIGNUP_MAX_ATTEMPTS_PER_CLIENT: "2",
  });
});

test.afterAll(async () => {
  await own?.stop();
});

const unknownLogin = (n: number) => ({ data: { email: `nobody-${n}-${randomUUID()}@example.test`, password: "not-the-password" } });

test("argon2 is budgeted: unknown e-mails are shed with 429 + Retry-After, and the owner's browser still gets in", async ({ browser, playwright, makeUser }) => {
  const user = await makeUser();
  // A browser that logs in once holds the account's device cookie from then on (1 of 4 spent).
  const ownerContext = await browser.newContext({ baseURL: own.url });
  const owner = await ownerContext.newPage();
  await loginViaForm(owner, "session", user);

  // Anonymous work leaves a quarter of the budget: two more burns, then the third is shed.
  const stranger = await playwright.request.newContext({ baseURL: own.url });
  for (const n of [1, 2]) await expectApiError(await stranger.post("/api/jwt/login", unknownLogin(n)), 401, "invalid_credentials");
  const shed = await stranger.post("/api/jwt/login", unknownLogin(3));
  await expectApiError(shed, 429, "password_checks_busy");
  expect(Number(shed.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  await expectApiError(await stranger.post("/api/session/login", unknownLogin(4)), 429, "password_checks_busy");

  // The owner's own browser may spend the reserve: logged in again, not slowed, not refused.
  await owner.goto("/session/login");
  await submitLoginForm(owner, user);
  await expect(owner).toHaveURL("/session/dashboard");
  await expect(dashboardHeading(owner, user)).toBeVisible();

  // A browser nobody knows is told to come back later, on the form too.
  const newcomer = await (await browser.newContext({ baseURL: own.url })).newPage();
  await newcomer.goto("/jwt/login");
  await submitLoginForm(newcomer, user);
  // The wait counts down live (in minutes past two: this server's budget refills very slowly).
  await expect(newcomer.getByText(/checking too many passwords right now\.\s*Try again in \d+ (s|min)\./)).toBeVisible();
  await expect(newcomer).toHaveURL("/jwt/login");
  await stranger.dispose();
  await ownerContext.close();
});

test("sign-ups count per socket address: a rotating X-Forwarded-For does not buy more", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: own.url });
  // A weak password: refused after the throttle has counted the attempt, before any hashing.
  const attempt = (n: number) =>
    client.post("/api/register", {
      headers: { "x-forwarded-for": `203.0.113.${n}` },
      data: { name: "Probe", email: `probe-${n}-${randomUUID()}@example.test`, password: "aaaaaaaaaaaaaaaa" },
    });
  const statuses: number[] = [];
  for (let n = 1; n <= 3; n += 1) statuses.push((await attempt(n)).status());
  // Two per client (earlier tests' sign-ups from this address count too): the third is refused.
  expect(statuses.at(-1), statuses.join(",")).toBe(429);
  await expectApiError(await attempt(4), 429, "too_many_attempts");
  await client.dispose();
});
