import { expect, test } from "@playwright/test";
import { bob, loginViaForm } from "./fixtures.ts";

/** The rough edges a new user hits first: the 404 page, the icon, the menu, the LAN trap. */

test("an unknown address is the site's own 404, inside the layout, with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // Its own title, not the home page's: the tab and a bookmark say what happened.
  await expect(page).toHaveTitle("Page not found · Session vs JWT");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an unknown page under a mode is a 404 while logged out, not the login form", async ({ page }) => {
  const response = await page.goto("/session/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveURL(/\/session\/no-such-page$/);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("the site has an icon, so a fresh browser asks for no missing favicon", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the menu marks the current page", async ({ page }) => {
  await page.goto("/compare");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Labs" })).not.toHaveAttribute("aria-current", "page");
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the menu is one button that opens every link, and nothing overflows", async ({ page }) => {
    await loginViaForm(page, "session", bob);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Compare" })).toBeHidden();
    await nav.getByText("Menu").click();
    await nav.getByRole("link", { name: "Compare" }).click();
    await expect(page).toHaveURL(/\/compare$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("the fleet command wraps inside the window and its copy button copies it whole", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/labs/fleet");
    const copy = page.getByRole("button", { name: /^Copy: DATABASE_URL=\S+ REDIS_URL=\S+ PORT=3000 npm run fleet$/ });
    const command = page.getByText(/^DATABASE_URL=.* npm run fleet$/);
    const box = await command.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^DATABASE_URL=.* npm run fleet$/);
  });
});

test("the login page warns that plain HTTP on a LAN address refuses logins (a configured origin: PUBLIC_ORIGINS)", async ({ request, baseURL }) => {
  const lan = await request.get("/session/login", { headers: { host: `192.0.2.20:${new URL(baseURL!).port}` } });
  expect(lan.status()).toBe(200);
  expect(await lan.text()).toContain("logging in here is refused");
  const local = await request.get("/session/login");
  expect(await local.text()).not.toContain("logging in here is refused");
});
