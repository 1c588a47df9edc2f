import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { bob, cookieName, dashboardHeading, loginViaForm } from "./fixtures.ts";
import { test } from "./throwaway.ts";

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
  await page.getByLabel("Name", { exact: true }).fill(visitor.name);
  await page.getByLabel("E-mail").fill(visitor.email);
  await page.getByLabel("Password", { exact: true }).fill(visitor.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

for (const mode of ["session", "jwt"] as const) {
  test(`sign-up from the ${mode} login page ends logged in to ${mode} mode`, async ({ page, context }) => {
    const visitor = newVisitor();
    await page.goto(`/${mode}/login`);
    await page.getByRole("link", { name: "Create one" }).click();
    await expect(page).toHaveURL(`/register?mode=${mode}`);
    await fillSignUp(page, visitor);
    // Two argon2 runs and a strength check behind one click, on a shared machine: a wider
    // margin than a login's, for an outcome (not a speed) the test asserts.
    await expect(page).toHaveURL(`/${mode}/dashboard`, { timeout: 15_000 });
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
  await expect(page.getByText("You will be logged in to session mode right away.")).toBeVisible();
});

test("a weak password is refused with the library's advice, and the form keeps name and e-mail", async ({ page }) => {
  const visitor = { ...newVisitor(), password: "password1234" };
  await page.goto("/register");
  await fillSignUp(page, visitor);
  await expect(page.getByText("This password is too easy to guess.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(visitor.name);
  await expect(page.getByLabel("E-mail")).toHaveValue(visitor.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page).toHaveURL("/register");
});

test("a taken e-mail gets the same answer as a free one, logs nobody in and changes nothing", async ({ playwright, baseURL, page }) => {
  const fresh = newVisitor();
  const clients = [await playwright.request.newContext({ baseURL }), await playwright.request.newContext({ baseURL })];
  try {
    const answerFree = await clients[0]!.post("/api/register", { data: { name: fresh.name, email: fresh.email, password: fresh.password } });
    const answerTaken = await clients[1]!.post("/api/register", { data: { name: "Not Bob", email: bob.email, password: `lantern-${randomUUID()}` } });
    expect(answerFree.status()).toBe(201);
    expect(answerTaken.status()).toBe(answerFree.status());
    expect(await answerTaken.json()).toEqual(await answerFree.json());
    // What cannot be the same (lib/register/register.ts): only the new account is logged in.
    expect((await clients[1]!.storageState()).cookies).toEqual([]);
    expect((await (await clients[0]!.get("/api/session/me")).json()).user.email).toBe(fresh.email);
  } finally {
    for (const client of clients) await client.dispose();
  }
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
  await page.getByLabel("Name", { exact: true }).fill("Erin Tester");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("tester erin 99");
  await expect(page.getByRole("status").filter({ hasText: "Strength:" })).toContainText("Your own name or e-mail address");
  await page.getByLabel("Password", { exact: true }).fill("vellum orbit cactus lantern");
  await expect(page.getByRole("status").filter({ hasText: "Strength:" })).toContainText("good enough");
});
