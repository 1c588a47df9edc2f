import { expect, type Page } from "@playwright/test";
import { loginViaForm, serverSessionCache } from "./fixtures.ts";
import { runLabViaApi } from "./labs-fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * /compare leads with its verdicts: six cards, each a pair of figures (session | JWT) side by
 * side at every width, from this server's measurements, the latest lab run or the committed
 * bench — or the one action that measures it. The e2e server runs the default SESSION_CACHE=off.
 */

const card = (page: Page, title: string) => page.getByRole("article", { name: title });
const half = (page: Page, title: string, mode: "Session mode" | "JWT mode") => card(page, title).getByRole("region", { name: `${title}: ${mode}` });

for (const width of [390, 1280] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the verdicts come first, each pair side by side", async ({ page }) => {
      await page.goto("/compare");
      const headings = await page.getByRole("main").getByRole("heading").allInnerTexts();
      expect(headings.slice(0, 3)).toEqual(["Sessions vs JWTs, measured on this server", "The verdicts", "A copied credential, after logout"]);
      await expect(page.getByRole("main").getByRole("article")).toHaveCount(6);
      for (const title of ["Bytes the browser sends per request", "Database reads per check"]) {
        const session = await half(page, title, "Session mode").boundingBox();
        const jwt = await half(page, title, "JWT mode").boundingBox();
        // Side by side: same row, JWT to the right — never stacked below on a phone.
        expect(Math.abs(session!.y - jwt!.y)).toBeLessThan(2);
        expect(jwt!.x).toBeGreaterThan(session!.x + session!.width - 1);
      }
    });
  });
}

// The e2e server runs the app's default for its database: push on SQLite, off on PostgreSQL
// without Redis (CI runs both), so each run checks the card of its own configuration.
test(`the warm figure under this server's SESSION_CACHE (${serverSessionCache}): measured with a cache, explained without`, async ({ page, makeUser }) => {
  await loginViaForm(page, "session", await makeUser());
  // A second request of the same login: answered from the cache when there is one.
  await page.reload();
  await page.goto("/compare");
  const reads = card(page, "Database reads per check");
  if (serverSessionCache === "off") {
    await expect(reads).toContainText("Warm figures cannot exist with SESSION_CACHE=off");
    await expect(half(page, "Database reads per check", "Session mode")).not.toContainText(/warm: \d/);
  } else {
    await expect(half(page, "Database reads per check", "Session mode")).toContainText(/warm: 0\.00 over [\d,]+ checks?/);
    await expect(reads).not.toContainText("cannot exist");
  }
  await expect(card(page, "How fast a revocation reaches every instance")).toContainText("npm run bench:http");
});

test("after a stolen-credential run: 0 s here for both, the downstream window called bounded, with its source", async ({ page, request, makeUser }) => {
  const result = await runLabViaApi(request, "stolen-credential", await makeUser());
  await page.goto("/compare");
  const title = "A copied credential, after logout";
  for (const mode of ["Session mode", "JWT mode"] as const) {
    await expect(half(page, title, mode)).toContainText("0 s");
    await expect(half(page, title, mode)).toContainText("Bounded: refused here on the very next request");
    await expect(half(page, title, mode)).toContainText(/downstream: \d+ s \(its own ≤ 60 s token\)/);
  }
  await expect(card(page, title)).toContainText("stolen-credential lab, JWT_REVOCATION_CHECK=denylist");
  await expect(card(page, title).locator(`time[datetime="${result.finishedAt}"]`)).toBeVisible();
  await expect(half(page, "Who can verify the user without the database", "Session mode")).toContainText("session_store_required");
  await expect(half(page, "Who can verify the user without the database", "JWT mode")).toContainText("token_wrong_aud");
});
