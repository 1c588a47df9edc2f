import { expect } from "@playwright/test";
import { expectApiError, submitLoginForm } from "./fixtures.ts";
import { test } from "./throwaway.ts";

// Password guessing is slowed per e-mail and client: the 11th attempt inside the window is
// refused before the password is checked — even the right one — and says when to retry.
// Throwaway users: a locked demo user would break every other spec.

const ATTEMPTS_ALLOWED = 10; // LOGIN_MAX_FAILURES_PER_CLIENT's default

for (const mode of ["session", "jwt"] as const) {
  test(`${mode}: after ${ATTEMPTS_ALLOWED} wrong passwords the API answers 429 with Retry-After`, async ({ request, makeUser }) => {
    const user = await makeUser();
    for (let attempt = 0; attempt < ATTEMPTS_ALLOWED; attempt += 1) {
      const wrong = await request.post(`/api/${mode}/login`, { data: { email: user.email, password: "not-it" } });
      expect(wrong.status()).toBe(401);
    }
    const refused = await request.post(`/api/${mode}/login`, { data: { email: user.email, password: user.password } });
    await expectApiError(refused, 429, "too_many_attempts");
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(refused.headers()["set-cookie"]).toBeUndefined();
  });
}

test("the login form says so too, and another account is unaffected", async ({ page, makeUser }) => {
  const [locked, other] = [await makeUser(), await makeUser()];
  // Through the browser itself: its client address is what the form's attempts are counted by.
  await page.goto("/session/login");
  for (let attempt = 0; attempt < ATTEMPTS_ALLOWED; attempt += 1) {
    const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/session/login"));
    await submitLoginForm(page, { email: locked.email, password: `not-it-${attempt}` });
    await answered;
    await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  }
  await submitLoginForm(page, { email: locked.email, password: locked.password });
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
  await submitLoginForm(page, { email: other.email, password: other.password });
  await expect(page).toHaveURL(/\/session\/dashboard$/);
});
