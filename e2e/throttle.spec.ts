import { expect } from "@playwright/test";
import { expectApiError, loginViaApi, submitLoginForm } from "./fixtures.ts";
import { test } from "./throwaway.ts";

// Password guessing from clients without a device cookie: LOGIN_FREE_FAILURES (10) are free,
// then each attempt must wait a delay that doubles (429 + Retry-After) — checked before the
// password, so even the right one waits. A browser that logged in as the user before keeps
// its own budget. Throwaway users: a slowed demo user would break every other spec.

const FREE_FAILURES = 10; // LOGIN_FREE_FAILURES's default

for (const mode of ["session", "jwt"] as const) {
  test(`${mode}: after ${FREE_FAILURES} wrong passwords the API answers 429 with Retry-After`, async ({ request, makeUser }) => {
    const user = await makeUser();
    for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1) {
      const wrong = await request.post(`/api/${mode}/login`, { data: { email: user.email, password: "not-it" } });
      expect(wrong.status()).toBe(401);
    }
    const refused = await request.post(`/api/${mode}/login`, { data: { email: user.email, password: user.password } });
    await expectApiError(refused, 429, "too_many_attempts");
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(refused.headers()["set-cookie"]).toBeUndefined();
  });
}

test("50 wrong logins with varied X-Forwarded-For do not lock out the owner's browser (device cookie)", async ({ browser, request, makeUser }) => {
  const user = await makeUser();
  const owner = await browser.newContext();
  const page = await owner.newPage();
  // The owner logged in here once before: the browser now holds a device cookie for the user.
  await page.goto("/session/login");
  await submitLoginForm(page, user);
  await expect(page).toHaveURL(/\/session\/dashboard$/);
  expect((await owner.cookies()).some((cookie) => cookie.name.endsWith("svj-device") && cookie.httpOnly)).toBe(true);
  await owner.clearCookies({ name: /svj-session/ });

  const statuses: number[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await request.post("/api/session/login", {
      data: { email: user.email, password: `guess-${attempt}` },
      headers: { "x-forwarded-for": `198.51.100.${attempt}` },
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill(401));
  expect(statuses.slice(FREE_FAILURES)).toContain(429);
  // The attacker is slowed, with a wait that grows; the owner's browser is not.
  await page.goto("/session/login");
  await submitLoginForm(page, user);
  await expect(page).toHaveURL(/\/session\/dashboard$/);
  await owner.close();
});

test("the login form says so too, and another account is unaffected", async ({ page, makeUser }) => {
  const [slowed, other] = [await makeUser(), await makeUser()];
  await page.goto("/session/login");
  const statuses = await page.evaluate(
    async ({ email, attempts }) => {
      const answers: number[] = [];
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const response = await fetch("/api/session/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password: `not-it-${attempt}` }),
        });
        answers.push(response.status);
      }
      return answers;
    },
    { email: slowed.email, attempts: FREE_FAILURES },
  );
  expect(statuses).toEqual(Array(FREE_FAILURES).fill(401));
  await submitLoginForm(page, { email: slowed.email, password: slowed.password });
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
  // The wait counts down where it is read, not only on the next submit.
  const wait = page.getByRole("timer");
  await expect(wait).toHaveText(/^Try again in \d+ s\.$/);
  const firstReading = await wait.textContent();
  await expect(wait).not.toHaveText(firstReading!);
  await submitLoginForm(page, { email: other.email, password: other.password });
  await expect(page).toHaveURL(/\/session\/dashboard$/);
});

test("guessing the current password at a password change: the fifth wrong guess ends the credential, in parallel too", async ({ request, makeUser }) => {
  const user = await makeUser();
  const { body } = await loginViaApi(request, "jwt", user);
  const headers = { authorization: `Bearer ${body.accessToken}` };
  const guess = (n: number) => request.post("/api/account/password", { headers, data: { currentPassword: `guess-${n}`, newPassword: "a-new-password-long-enough" } });
  const answers = await Promise.all(Array.from({ length: 20 }, async (_, n) => ((await (await guess(n)).json()) as { error: { code: string } }).error.code));
  // PASSWORD_CHANGE_MAX_FAILURES's default (5) per credential: four wrong, the fifth ends the
  // token; the rest are refused by the cap (429) or, once the token is ended, by its check (401).
  expect(answers.filter((code) => code === "wrong_password")).toHaveLength(4);
  expect(answers.filter((code) => code === "credential_ended")).toHaveLength(1);
  expect(answers.every((code) => ["wrong_password", "credential_ended", "too_many_attempts", "token_revoked"].includes(code)), answers.join(",")).toBe(true);
  // The token is ended server-side: no more guesses with it.
  expect((await guess(99)).status()).toBe(401);
});

test("the device cookie names nobody: neither the e-mail nor any part of it can be read from it (issue 18.7)", async ({ playwright, makeUser }) => {
  const user = await makeUser();
  const api = await playwright.request.newContext();
  await loginViaApi(api, "session", user);
  const device = (await api.storageState()).cookies.find((cookie) => /^(__Host-)?svj-device$/.test(cookie.name));
  expect(device?.httpOnly).toBe(true);
  const [local] = user.email.split("@");
  for (const part of device!.value.split(".")) {
    expect(Buffer.from(part, "base64url").toString("latin1")).not.toContain(local!);
    expect(part).not.toContain(local!);
  }
  await api.dispose();
});
