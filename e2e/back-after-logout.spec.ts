import { expect } from "@playwright/test";
import { MODES, submitLoginForm } from "./fixtures.ts";
import { test } from "./throwaway.ts";

// Back after logout lands on the login page at a clean address. It used to show Next's internal
// `_rsc=` parameter: the router's prefetch of a protected link, made while logged out, was
// redirected by the proxy; Next answered the followed request with a cacheable 307 to
// `…&_rsc=…`, and Chrome's Back (which prefers cached answers) replayed it for the page itself.

for (const mode of MODES) {
  test(`${mode}: Back after logout shows the login page without _rsc in the address`, async ({ page, makeUser }) => {
    const user = await makeUser();
    // The menu's link to the dashboard is prefetched while logged out: that is what set the trap.
    const prefetched = page.waitForResponse(
      (response) => new URL(response.url()).pathname === `/${mode}/dashboard` && response.request().headers()["rsc"] === "1",
    );
    await page.goto(`/${mode}/login`);
    await prefetched;
    await submitLoginForm(page, user);
    await expect(page).toHaveURL(`/${mode}/dashboard`);

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(`/${mode}/login?signedOut=1`);
    await page.goBack();

    await expect(page).toHaveURL(`/${mode}/login?next=%2F${mode}%2Fdashboard`);
    await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  });
}
