import { expect, test, type Page } from "@playwright/test";
import { authCookieValue, bob, decodeJwt, loginViaForm, submitLoginForm } from "./fixtures.ts";

// Both modes' state in the header of every page (app/components/AuthStatus.tsx): who, until
// when, and the inspector. On a mode's own pages it is that page's authoritative check; elsewhere
// what the credential says by itself, and the header says which.

const WIDTHS = [390, 1280] as const;

function status(page: Page) {
  return page.getByRole("region", { name: "Your login in each mode" });
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("logged out: both modes say so", async ({ page }) => {
      await page.goto("/compare");
      await expect(status(page)).toContainText(/Session\s*not logged in/);
      await expect(status(page)).toContainText(/JWT\s*not logged in/);
      await expect(status(page).getByRole("timer")).toHaveCount(0);
      // Side by side on a phone too: the two modes share one row.
      const [session, jwt] = await Promise.all(["Session", "JWT"].map((mode) => status(page).getByText(mode, { exact: true }).boundingBox()));
      expect(Math.abs(session!.y - jwt!.y)).toBeLessThan(2);
    });

    test("logged in to both: who, a ticking countdown to each deadline, and each inspector", async ({ page, context }) => {
      await loginViaForm(page, "jwt", bob);
      await loginViaForm(page, "session", bob);
      const { exp } = decodeJwt(await authCookieValue(context, "jwt")).payload as { exp: number };

      // The session's own page: its authoritative check, with the row's idle and absolute limits.
      await page.goto("/session/dashboard");
      const bar = status(page);
      await expect(bar).toContainText(bob.email);
      await expect(bar.getByRole("timer", { name: "Session: time until idle limit" })).toBeVisible();
      await expect(bar.getByRole("timer", { name: "Session: time until absolute limit" })).toBeVisible();
      await expect(bar.getByRole("link", { name: "inspect the session" })).toHaveAttribute("href", "/session/inspect");
      // JWT mode on a session page: the token's own claims, labelled as not checked here.
      const expTimer = bar.getByRole("timer", { name: "JWT: time until exp" });
      await expect(expTimer).toHaveAttribute("datetime", new Date(exp * 1000).toISOString());
      await expect(bar).toContainText(/user \S+… \(user\)/);
      await expect(bar).toContainText("not checked against the server here");
      // A duration, not a clock reading ("exp 14:58" read as a time of day).
      await expect(bar).toContainText(/exp in \d+ min \d+ s/);
      await expect(bar.getByRole("link", { name: "inspect the token" })).toHaveAttribute("href", "/jwt/inspect");
      // Hydrated: the browser's clock takes over.
      const first = (await expTimer.textContent()) ?? "";
      expect(first).toMatch(/^in \d+ min \d+ s$/);
      await expect(expTimer).not.toHaveText(first);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server renders the header's reading", async ({ page }) => {
    await page.goto("/session/login");
    await submitLoginForm(page, bob);
    await expect(page).toHaveURL("/session/dashboard");
    await expect(status(page)).toContainText(bob.email);
    await expect(status(page).getByRole("timer", { name: "Session: time until idle limit" })).toHaveText(/^in (\d+ d \d+ h|\d+ h \d+ min|\d+ min \d+ s|\d+ s)$/);
  });
});
