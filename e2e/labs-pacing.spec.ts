import { expect } from "@playwright/test";
import { loginViaForm } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * Issue 18 item 2: the browser labs made a throwaway user on every opening, unpaced. They now
 * count like every lab run: at most five a minute per user (lib/labs/pacing.ts; fewer while
 * other specs' runs fill everyone's minute), then a clear refusal.
 */
test("the storage lab opens at most five times a minute per user, then says to wait", async ({ page, makeUser }) => {
  await loginViaForm(page, "session", await makeUser());
  let opened = 0;
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await page.goto("/labs/storage");
    await page.getByRole("button", { name: "Open the vulnerable page" }).click();
    await page.waitForURL(/\/api\/labs\/storage\/victim|\/labs\/storage\?error=labs_busy/);
    if (!page.url().includes("/victim")) break;
    opened += 1;
  }
  expect(opened).toBeLessThanOrEqual(5);
  await expect(page).toHaveURL(/\/labs\/storage\?error=labs_busy&retry=\d+$/);
  await expect(page.getByRole("status")).toContainText(/Labs have run often this minute .* Try again in \d+ s\./);
});
