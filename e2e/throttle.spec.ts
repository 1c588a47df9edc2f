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
  // From the browser itself (fetch in the page): the form's attempts are counted by the
  // browser's client address, which a Node-side API client may not share.
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
    { email: locked.email, attempts: ATTEMPTS_ALLOWED },
  );
  expect(statuses).toEqual(Array(ATTEMPTS_ALLOWED).fill(401));
  await submitLoginForm(page, { email: locked.email, password: locked.password });
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
  await submitLoginForm(page, { email: other.email, password: other.password });
  await expect(page).toHaveURL(/\/session\/dashboard$/);
});
