import { expect, test, type Page } from "@playwright/test";

/**
 * /decide: eight questions, one recommendation — without JavaScript (a GET form whose answer is a
 * permalink) and with it (the answer follows each choice), at a phone's width and a laptop's;
 * the decision record downloads as Markdown with a filename; answers that are not choices are
 * named with what they accept while the others still decide, never a 500.
 */

const recommendation = (page: Page) => page.getByRole("heading", { level: 2, name: /sessions|JWT|Hybrid/ });
const choose = (page: Page, question: string, choice: string) => page.getByRole("group", { name: question }).getByLabel(choice).check();
/** Nothing wider than the window (e2e/layout.spec.ts's rule, here so its page list stays short on a busy machine). */
const pageWidth = (page: Page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

for (const width of [390, 1280] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("without JavaScript: the form answers on the server, and the answer is a permalink", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      expect((await page.goto("/decide"))?.status()).toBe(200);
      await expect(recommendation(page)).toHaveCount(0);
      await choose(page, "Must other services of yours know who the user is?", "Yes, other services act for the user");
      await choose(page, "Must a logout or a ban take effect at once?", "At once, in this app");
      await page.getByRole("button", { name: "Recommend" }).click();
      await expect(page).toHaveURL(/services=some/);
      await expect(recommendation(page)).toHaveText(/^Hybrid/);
      await expect(page.getByText(/a token of their own, one audience each, at most 60 s/)).toBeVisible();
      await expect(page.getByText("DOWNSTREAM_AUDIENCE=session-vs-jwt:downstream", { exact: false })).toBeVisible();
      // The permalink alone gives the same answer, with the same choices checked.
      const permalink = await page.getByRole("link", { name: "Permalink to these answers" }).getAttribute("href");
      await page.goto(permalink!);
      await expect(recommendation(page)).toHaveText(/^Hybrid/);
      await expect(page.getByRole("group", { name: "Must other services of yours know who the user is?" }).getByLabel("Yes, other services act for the user")).toBeChecked();
      await context.close();
    });

    test("with JavaScript: the recommendation follows each choice, no submit needed", async ({ page }) => {
      await page.goto("/decide?peakRps=1k");
      await expect(recommendation(page)).toHaveText("Server-side sessions");
      await expect(page.getByRole("status")).toHaveText("The recommendation follows your answers.");
      await choose(page, "How many app instances, in how many regions?", "Several regions");
      await expect(page).toHaveURL(/instances=regions/);
      await expect(recommendation(page)).toHaveText("Server-side sessions with the push-invalidated cache");
      await expect(page.locator("pre")).toContainText("SESSION_CACHE=push");
      await expect(page.getByText("“Sessions need sticky servers.”")).toBeVisible();
      const { scroll, client } = await pageWidth(page);
      expect(scroll).toBeLessThanOrEqual(client);
    });
  });
}

test("the decision record downloads as Markdown, named for its date and recommendation", async ({ page }) => {
  await page.goto("/decide?instances=several&sharedStore=no");
  await expect(recommendation(page)).toHaveText("Stateless JWT, short-lived");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as a decision record" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^adr-\d{4}-\d{2}-\d{2}-jwt\.md$/);
});

test("GET /decide/record: text/markdown, an attachment, context, decision, consequences and the evidence figures", async ({ request }) => {
  const response = await request.get("/decide/record?clients=native&revocation=here");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/markdown/);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="adr-\d{4}-\d{2}-\d{2}-session\.md"$/);
  const text = await response.text();
  for (const heading of ["## Context", "## Decision", "## Consequences", "## Evidence figures"]) expect(text).toContain(heading);
  expect(text).toMatch(/\| A copied credential, after logout \|/);
  expect(text).toMatch(/\| Who calls your app\? \| Browsers and native or mobile apps \|/);
});

test("answers that are not choices: named with what they accept, the rest kept and still recommending, never a 500", async ({ page, request }) => {
  // The review's link, plus two readable answers that must survive it.
  const response = await page.goto("/decide?clients=zzz&peakRps=%00&services=some&revocation=here");
  expect(response?.status()).toBe(200);
  // Not by role: Next's route announcer is an alert too.
  await expect(page.getByText(/not among the choices/)).toBeVisible();
  await expect(page.getByText(/^clients="zzz" is not a choice of “Who calls your app\?”; it accepts browser \(Browsers only\), native/)).toBeVisible();
  await expect(page.getByText(/^peakRps="\\u0000" is not a choice of “Peak authenticated requests per second”; it accepts 1k/)).toBeVisible();
  await expect(page.getByText(/Taken as “Up to 1,000” for now\./)).toBeVisible();
  // The readable answers stay checked and decide; the live line stays.
  await expect(page.getByRole("group", { name: "Must other services of yours know who the user is?" }).getByLabel("Yes, other services act for the user")).toBeChecked();
  await expect(recommendation(page)).toHaveText(/^Hybrid/);
  await expect(page.getByRole("status")).toHaveText("The recommendation follows your answers.");
  const record = await request.get("/decide/record?peakRps=lots", { maxRedirects: 0 });
  expect(record.status()).toBe(303);
  expect(record.headers().location).toMatch(/\/decide\?peakRps=lots$/);
});

test("linked from the home page, /compare and the main navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: /Which one should I use for my app/ })).toHaveAttribute("href", "/decide");
  await page.goto("/compare");
  await expect(page.getByRole("main").getByRole("link", { name: /Which one should I use/ })).toHaveAttribute("href", "/decide");
  await page.goto("/decide");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decide" }).first()).toHaveAttribute("aria-current", "page");
});
