import { expect, test, type Page } from "@playwright/test";

/**
 * /scale: the reader's numbers in, the model's figures, charts, validation and simulation out —
 * with JavaScript (figures follow the typing) and without it (the Compute button), at a phone's
 * width and a laptop's. The figures come from the committed docs/bench/ results; the tests
 * check that they change with the inputs and that bad input meets a message, never a 500.
 */

const readsRow = (page: Page) => page.getByRole("row", { name: /^Database reads/ });

async function chartTypeSizes(page: Page): Promise<number[]> {
  // The smallest type of every chart, in CSS pixels as drawn: the font size times the SVG's scale.
  return page.locator("figure svg[role=img]").evaluateAll((svgs) =>
    svgs.map((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll("text")].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
      return Math.min(...sizes);
    }),
  );
}

for (const width of [390, 1280] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("without JavaScript: the form computes on the server, the figures follow the input", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const response = await page.goto("/scale");
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("At your scale");
      const before = await readsRow(page).innerText();
      await page.getByLabel("Peak authenticated requests per second").fill("2000");
      await page.getByRole("button", { name: "Compute" }).click();
      await expect(page).toHaveURL(/peakRps=2000/);
      await expect(page.getByLabel("Peak authenticated requests per second")).toHaveValue("2000");
      await expect(readsRow(page)).not.toHaveText(before);
      await context.close();
    });

    test("with JavaScript: the figures follow as the reader types, no submit needed", async ({ page }) => {
      await page.goto("/scale");
      await expect(page.getByRole("status")).toHaveText("The figures follow as you type.");
      const before = await readsRow(page).innerText();
      await page.getByLabel("App instances").fill("200");
      await expect(page).toHaveURL(/instances=200/);
      await expect(readsRow(page)).not.toHaveText(before);
    });

    test("each resource is charted against load for both modes, with 12 px type at least", async ({ page }) => {
      await page.goto("/scale");
      await expect(page.getByRole("img", { name: "Database reads (reads/s)" })).toBeVisible();
      await expect(page.getByRole("img", { name: "CPU cores spent on authentication (cores)" })).toBeVisible();
      for (const size of await chartTypeSizes(page)) expect(size).toBeGreaterThanOrEqual(11.9);
      // Drawn, not only labelled: each line has a colour (the CSP refuses inline styles).
      const strokes = await page.getByRole("img", { name: "Database reads (reads/s)" }).locator("path").evaluateAll((paths) => paths.map((path) => getComputedStyle(path).stroke));
      expect(strokes.length).toBe(2);
      for (const stroke of strokes) expect(stroke).not.toBe("none");
    });
  });
}

test("bad input: the form with a message for each field, the figures held back, never a 500", async ({ page }) => {
  const response = await page.goto("/scale?peakRps=lots&instances=0&sessionCache=redis");
  expect(response?.status()).toBe(200);
  const errors = page.locator("#scale-errors");
  await expect(errors).toContainText("Peak requests per second: enter a number.");
  await expect(errors).toContainText("App instances: at least 1.");
  await expect(errors).toContainText("SESSION_CACHE: off, push or cookie.");
  await expect(page.getByLabel("Peak authenticated requests per second")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Peak authenticated requests per second")).toHaveValue("lots");
  await expect(readsRow(page)).toHaveCount(0);
});

test("storage follows the sweeper: flat with it, growing a day without it; a bad interval is refused", async ({ page }) => {
  const stored = page.getByRole("row", { name: /^Stored/ });
  await page.goto("/scale");
  await expect(stored).toContainText("flat: an ended row is deleted within 120 min");
  await page.goto("/scale?sweepIntervalSeconds=0");
  await expect(stored).toContainText(/a day, never deleted \(sweeper off\)/);
  await page.goto("/scale?sweepIntervalSeconds=5");
  await expect(page.locator("#scale-errors")).toContainText("Sweep interval: 0 (off) or at least 60.");
});

test("the model stands beside the bench, the simulation beside the fleet, each saturation with its way out", async ({ page }) => {
  await page.goto("/scale");
  await expect(page.getByRole("heading", { name: "Does the model hold? Its predictions beside the bench" })).toBeVisible();
  await expect(page.getByRole("row", { name: /our route, no auth/ }).first()).toContainText("%");
  await expect(page.getByRole("img", { name: /Revocation lag with the push cache/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Session mode", level: 3 })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/NaN|undefined|Infinity/);
});

test("/compare's scalability row and the navigation lead here", async ({ page }) => {
  await page.goto("/compare");
  await page.getByRole("link", { name: "the capacity model and simulation" }).first().click();
  await expect(page).toHaveURL(/\/scale$/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Scale" }).first()).toHaveAttribute("aria-current", "page");
});
