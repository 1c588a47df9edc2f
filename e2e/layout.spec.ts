import { expect, type Page } from "@playwright/test";
import { alice, bob, loginViaForm, MODES, type Mode } from "./fixtures.ts";
import { runLabViaApi } from "./labs-fixtures.ts";
import { test } from "./throwaway.ts";

// Every main page at a phone's width (390 px) and a laptop's (1280 px): nothing wider than the
// window, so nobody scrolls sideways to read a page. Wide content (tables, code, diagrams)
// scrolls inside its own box instead. scripts/screenshots.mjs photographs the same pages.

const WIDTHS = [390, 1280] as const;
const PUBLIC_PAGES = ["/", "/session/login", "/jwt/login", "/register", "/compare", "/scale", "/flows", "/labs"];
const PAGES_OF: Record<Mode, string[]> = {
  session: ["/session/dashboard", "/session/inspect", "/session/devices", "/admin"],
  jwt: ["/jwt/dashboard", "/jwt/inspect"],
};

/** The pages among `paths` that are wider than the window, with both widths. */
async function overflowing(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    expect((await page.goto(path))?.ok(), path).toBe(true);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    if (scroll > client) found.push(`${path}: ${scroll} px wide in a ${client} px window`);
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

    test("a lab's result fits the window", async ({ page, request, makeUser }) => {
      const result = await runLabViaApi(request, "tampering", await makeUser());
      expect(await overflowing(page, [`/labs/tampering?run=${result.runId}`])).toEqual([]);
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
