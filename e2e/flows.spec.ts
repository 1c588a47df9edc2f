import { expect, test, type Page } from "@playwright/test";
import { bob, loginViaForm } from "./fixtures.ts";

/** /flows: each flow a sequence diagram — lanes, arrows between them, database steps marked — and the same in words. */

const diagram = (page: Page, title: string) => page.getByRole("list", { name: `Sequence diagram of ${title}` });
const lanes = (page: Page, title: string) => page.getByRole("list", { name: `Lanes of ${title}` }).getByRole("listitem");

test("every flow of both modes is a diagram with lanes and arrows from lane to lane", async ({ page }) => {
  await page.goto("/flows");
  for (const flow of ["Login", "An authenticated request", "Refresh", "Logout", "Another service checks the user"]) {
    for (const mode of ["session mode", "JWT mode"]) {
      await expect(diagram(page, `${flow}, ${mode}`).getByRole("listitem").first()).toBeVisible();
      expect(await lanes(page, `${flow}, ${mode}`).count()).toBeGreaterThanOrEqual(2);
    }
  }
  await expect(lanes(page, "An authenticated request, JWT mode")).toHaveText(["Browser", "proxy.ts", "Server", "Database"]);
  // This server runs without REDIS_URL: the login's attempt counter is the process's own memory,
  // drawn as the server's own step, not a Redis lane (issue 22: draw this server's configuration).
  await expect(lanes(page, "Login, session mode")).toHaveText(["Browser", "Server", "Database"]);
  await expect(diagram(page, "Login, session mode").getByRole("listitem").filter({ hasText: "count this attempt (in memory)" })).toHaveCount(1);
  await expect(page.getByText("Redis write")).toHaveCount(0);
});

test("the arrows say who talks to whom, and the database reads are marked", async ({ page }) => {
  await page.goto("/flows");
  const request = diagram(page, "An authenticated request, JWT mode").getByRole("listitem");
  await expect(request.first()).toContainText("Browser to proxy.ts:");
  // JWT_REVOCATION_CHECK=denylist (the default): exactly one read on the auth path.
  await expect(request.filter({ hasText: "Server to Database:" }).filter({ hasText: "DB read" })).toHaveCount(1);
  const refresh = diagram(page, "Refresh, JWT mode").getByRole("listitem");
  await expect(refresh.filter({ hasText: "DB write" })).toContainText("INSERT successor, mark used");
  const downstream = diagram(page, "Another service checks the user, JWT mode").getByRole("listitem");
  await expect(downstream.filter({ hasText: "Downstream to Server:" })).toContainText("jwks.json");
});

test("the steps in words, with the code to check them in, one click below each diagram", async ({ page }) => {
  await page.goto("/flows");
  const figure = page.getByRole("figure", { name: "Logout, session mode" });
  const steps = figure.getByRole("list", { name: "Steps of Logout, session mode" });
  await expect(steps).toBeHidden();
  await figure.getByText("Step by step, with where in the code").click();
  await expect(steps.getByRole("listitem").filter({ hasText: "DELETE Session row" })).toContainText("session/store.ts deleteSession");
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the page never scrolls sideways; a wide diagram scrolls inside itself", async ({ page }) => {
    await page.goto("/flows");
    await expect(diagram(page, "Login, JWT mode")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("timestamps", () => {
  test.use({ timezoneId: "Asia/Kolkata", locale: "en-GB" });

  test("a dashboard timestamp is the reader's local time and relative, UTC on hover, without a hydration error", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await loginViaForm(page, "jwt", bob);
    const expiry = page.getByRole("region", { name: "Expiry" }).getByRole("time").first();
    const utc = await expiry.getAttribute("title");
    expect(utc).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    await expect(expiry).toHaveText(/\(in \d+ minutes\)$/);
    // Kolkata is UTC+5:30 all year: the shown clock time is the UTC one moved by that much.
    const local = new Date(Date.parse(utc!.replace(" UTC", "Z").replace(" ", "T")) + 5.5 * 3600_000);
    const hhmm = `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
    await expect(expiry).toContainText(hhmm);
    // React reports a server/client text mismatch as a console error (#418 in production).
    expect(errors).toEqual([]);
  });
});
