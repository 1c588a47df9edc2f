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

for (const mode of MODES) {
  test(`${mode}: a logged-out script fetch of a protected page gets an empty uncached answer (204 from our pages, 401 from another site); a page load, the login redirect`, async ({ request }) => {
    const path = `/${mode}/dashboard`;
    // What the router's prefetch sends: no redirect to follow, no 4xx for the console to report.
    const fetched = await request.get(path, { headers: { "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin", rsc: "1" }, maxRedirects: 0 });
    expect(fetched.status()).toBe(204);
    expect(fetched.headers()["cache-control"]).toBe("no-store");
    expect(await fetched.body()).toHaveLength(0);
    // Another site's script is told the truth.
    const foreign = await request.get(path, { headers: { "sec-fetch-mode": "cors", "sec-fetch-site": "cross-site" }, maxRedirects: 0 });
    expect(foreign.status()).toBe(401);
    expect(await foreign.body()).toHaveLength(0);

    const loaded = await request.get(path, { headers: { "sec-fetch-mode": "navigate" }, maxRedirects: 0 });
    expect(loaded.status()).toBe(307);
    expect(new URL(loaded.headers()["location"] ?? "", "http://x").pathname).not.toBe(path);
    expect(loaded.headers()["cache-control"]).toBe("no-store");
  });
}
