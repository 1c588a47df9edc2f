import { expect, type Page } from "@playwright/test";
import { alice, bob, loginViaForm, MODES, type Mode } from "./fixtures.ts";
import { runLabViaApi } from "./labs-fixtures.ts";
import { chartText } from "./chart-text.ts";
import { widerThanTheirBox } from "./overflow.ts";
import { test } from "./throwaway.ts";

// Every main page at a phone's width (390 px) and a laptop's (1280 px): nothing wider than the
// window, and nothing wider than the box it sits in, so nobody scrolls sideways to read a page
// or a table (a scroll box with hidden columns gives no cue that they exist). Tables reflow
// into cards on a phone instead. scripts/screenshots.mjs photographs the same pages.

const WIDTHS = [390, 1280] as const;
const PUBLIC_PAGES = ["/", "/session/login", "/jwt/login", "/register", "/compare", "/scale", "/flows", "/labs"];
const PAGES_OF: Record<Mode, string[]> = {
  session: ["/session/dashboard", "/session/inspect", "/session/devices", "/admin", "/admin/keys"],
  jwt: ["/jwt/dashboard", "/jwt/inspect"],
};

/** Everything on the pages among `paths` that is wider than its window or scroll box. */
async function overflowing(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    expect((await page.goto(path))?.ok(), path).toBe(true);
    found.push(...(await widerThanTheirBox(page)).map((what) => `${path}: ${what}`));
  }
  return found;
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("the public pages fit the window", async ({ page }) => {
      expect(await overflowing(page, PUBLIC_PAGES)).toEqual([]);
    });

    for (const mode of MODES) {
      test(`${mode} mode's pages fit the window`, async ({ page }) => {
        // Alice: an admin, so /admin shows the console with its users table.
        await loginViaForm(page, mode, mode === "session" ? alice : bob);
        expect(await overflowing(page, PAGES_OF[mode])).toEqual([]);
      });
    }

    test("chart text is at least 12 px and no text crosses the 4,096 B line", async ({ page }) => {
      await page.goto("/compare");
      const { smallest, crossing } = await chartText(page);
      expect(smallest, "the charts have text").not.toBeNull();
      expect(smallest!.px, `"${smallest!.text}" is drawn at ${smallest!.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
      expect(crossing).toEqual([]);
    });

    test("a lab's result fits the window", async ({ page, request, makeUser }) => {
      const result = await runLabViaApi(request, "tampering", await makeUser());
      expect(await overflowing(page, [`/labs/tampering?run=${result.runId}`])).toEqual([]);
      // The two verdicts lead, next to each other at every width, in words; then the logs.
      const session = await page.getByRole("region", { name: "Session mode verdict" }).boundingBox();
      const jwt = await page.getByRole("region", { name: "JWT mode verdict" }).boundingBox();
      expect(Math.abs(session!.y - jwt!.y)).toBeLessThan(1);
      expect(session!.x + session!.width).toBeLessThanOrEqual(jwt!.x);
      await expect(page.getByRole("region", { name: "JWT mode verdict" })).toContainText(/Held|Exposed|Degraded|Inconclusive/);
      const log = await page.getByRole("list", { name: "Requests and responses" }).first().boundingBox();
      expect(log!.y).toBeGreaterThan(Math.max(session!.y + session!.height, jwt!.y + jwt!.height));
    });
  });
}

test.describe("each mode's pages name their mode once", () => {
  const label: Record<Mode, string> = { session: "Session mode", jwt: "JWT mode" };
  for (const mode of MODES) {
    test(`${mode} mode`, async ({ page }) => {
      const pages = [`/${mode}/login`, ...PAGES_OF[mode].filter((path) => path.startsWith(`/${mode}/`))];
      await page.goto(`/${mode}/login`);
      await expect(page.getByRole("main").getByText(label[mode], { exact: true })).toHaveCount(1);
      await loginViaForm(page, mode, bob);
      for (const path of pages.slice(1)) {
        await page.goto(path);
        await expect(page.getByRole("main").getByText(label[mode], { exact: true }), path).toHaveCount(1);
      }
    });
  }
});
