import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { bob, cookieName, dashboardHeading, loginViaForm } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/** The password sign-up form: the page also has the passkey one, with the same labels. */
const passwordForm = (page: Page) => page.getByRole("form", { name: "Sign up with a password" });

// Sign-up: a visitor makes an account of their own and lands logged in to the mode they came
// from; weak passwords are refused with advice; a taken address gets the same answer as a new one.

const made: string[] = [];
test.afterAll(async ({ db }) => {
  await db.user.deleteMany({ where: { email: { in: made } } });
});

function newVisitor() {
  const tag = randomUUID();
  const email = `signup-${tag}@example.test`;
  made.push(email);
  return { email, name: `Visitor ${tag.slice(0, 8)}`, password: `lantern-${tag.slice(0, 8)}-orbit`, role: "user" as const };
}

async function fillSignUp(page: Page, visitor: { name: string; email: string; password: string }) {
  await passwordForm(page).getByLabel("Name", { exact: true }).fill(visitor.name);
  await passwordForm(page).getByLabel("E-mail").fill(visitor.email);
  await passwordForm(page).getByLabel("Password", { exact: true }).fill(visitor.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The demo's outbox stands in for the visitor's mailbox (lib/mail/outbox.ts). */
async function openMailbox(page: Page, email: string) {
  await page.goto(`/outbox?to=${encodeURIComponent(email)}`);
}

for (const mode of ["session", "jwt"] as const) {
  test(`sign-up from the ${mode} login page: "check your e-mail", then the mailed link logs in to ${mode} mode`, async ({ page, context }) => {
    test.setTimeout(120_000);
    const visitor = newVisitor();
    await page.goto(`/${mode}/login`);
    await page.getByRole("link", { name: "Create one" }).click();
    await expect(page).toHaveURL(`/register?mode=${mode}`);
    await fillSignUp(page, visitor);
    // An argon2 hash and a strength check behind one click, on a shared machine: a wider
    // margin than a login's, for an outcome (not a speed) the test asserts.
    await expect(page).toHaveURL(`/register/sent?mode=${mode}`, { timeout: 45_000 });
    await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
    // The landing page says what happens next in both cases (issue 22 item 7).
    await expect(page.getByText("If the address already has an account, the message says so")).toBeVisible();
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(cookieName(mode));

    await openMailbox(page, visitor.email);
    await page.getByRole("link", { name: "Finish sign-up" }).click();
    await page.getByRole("button", { name: "Finish sign-up" }).click();
    await expect(page).toHaveURL(`/${mode}/dashboard`, { timeout: 45_000 });
    await expect(dashboardHeading(page, visitor)).toBeVisible();
    await expect(page.getByText(`${visitor.email} · role user`)).toBeVisible();
    const other = mode === "jwt" ? "session" : "jwt";
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(cookieName(other));
  });
}

test("the home page links to sign-up, which defaults to session mode", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "create an account of your own" }).click();
  await expect(page).toHaveURL("/register");
  await expect(page.getByText("We send you a link by e-mail; it creates the account and logs you in to session mode.")).toBeVisible();
});

test("a weak password is refused with the library's advice, and the form keeps name and e-mail", async ({ page }) => {
  const visitor = { ...newVisitor(), password: "password1234" };
  await page.goto("/register");
  await fillSignUp(page, visitor);
  await expect(page.getByText("This password is too easy to guess.")).toBeVisible();
  await expect(passwordForm(page).getByLabel("Name", { exact: true })).toHaveValue(visitor.name);
  await expect(passwordForm(page).getByLabel("E-mail")).toHaveValue(visitor.email);
  await expect(passwordForm(page).getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page).toHaveURL("/register");
});

test("a taken e-mail gets the same answer as a free one, no cookie either way; only the address's mailbox tells (issue 18.2)", async ({ playwright, baseURL, page }) => {
  const fresh = newVisitor();
  const clients = [await playwright.request.newContext({ baseURL }), await playwright.request.newContext({ baseURL })];
  try {
    const answerFree = await clients[0]!.post("/api/register", { data: { name: fresh.name, email: fresh.email, password: fresh.password } });
    const answerTaken = await clients[1]!.post("/api/register", { data: { name: "Not Bob", email: bob.email, password: `lantern-${randomUUID()}` } });
    expect(answerFree.status()).toBe(202);
    expect(answerTaken.status()).toBe(answerFree.status());
    expect(await answerTaken.json()).toEqual(await answerFree.json());
    expect(answerTaken.headers()["set-cookie"]).toBeUndefined();
    expect(answerFree.headers()["set-cookie"]).toBeUndefined();
    expect((await clients[0]!.storageState()).cookies).toEqual([]);
  } finally {
    for (const client of clients) await client.dispose();
  }
  await openMailbox(page, bob.email);
  await expect(page.getByRole("heading", { name: "Someone tried to sign up with this address" }).first()).toBeVisible();
  await openMailbox(page, fresh.email);
  await expect(page.getByRole("heading", { name: "Finish your sign-up" })).toBeVisible();
  // Bob's account is untouched: his own password still works.
  await loginViaForm(page, "session", bob);
});

test("bad input gets a 400 envelope; a weak password a 422 with feedback", async ({ request }) => {
  const bad = await request.post("/api/register", { data: { email: "nope", password: "short", name: "" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("invalid_input");
  const weak = await request.post("/api/register", { data: { email: `w-${randomUUID()}@example.test`, password: "qwertyuiopasdf", name: "W" } });
  expect(weak.status()).toBe(422);
  const body = await weak.json();
  expect(body.error.code).toBe("weak_password");
  expect(body.error.details.suggestions.length + (body.error.details.warning ? 1 : 0)).toBeGreaterThan(0);
});

test("your own name as the password is refused by the server, and the live meter says so as you type (issue 22 item 2)", async ({ page, request }) => {
  const email = `erin-${randomUUID()}@example.test`;
  made.push(email);
  const refused = await request.post("/api/register", { data: { email, password: "erin tester 1", name: "Erin Tester" } });
  expect(refused.status(), await refused.text()).toBe(422);
  expect((await refused.json()).error.code).toBe("weak_password");

  await page.goto("/register");
  await passwordForm(page).getByLabel("Name", { exact: true }).fill("Erin Tester");
  await passwordForm(page).getByLabel("E-mail").fill(email);
  await passwordForm(page).getByLabel("Password", { exact: true }).fill("tester erin 99");
  // The estimator's dictionaries load on the first keystroke: an outcome to wait for, not a speed.
  await expect(page.getByRole("status").filter({ hasText: "Strength:" })).toContainText("Your own name or e-mail address", { timeout: 30_000 });
  await passwordForm(page).getByLabel("Password", { exact: true }).fill("vellum orbit cactus lantern");
  await expect(page.getByRole("status").filter({ hasText: "Strength:" })).toContainText("good enough");
});
