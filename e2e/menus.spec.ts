import { expect, test, type Page } from "@playwright/test";

/** The phone menu and the labs menu: they close the way menus do, and list everything. */

test.describe("the phone menu", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  function menuButton(page: Page) {
    return page.getByRole("navigation", { name: "Main" }).getByText("Menu", { exact: true });
  }

  function menuLink(page: Page, name: string) {
    return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  }

  test("closes after a link is tapped, so the new page is not covered", async ({ page }) => {
    await page.goto("/");
    await menuButton(page).tap();
    await expect(menuLink(page, "Compare")).toBeVisible();
    await menuLink(page, "Compare").tap();
    await expect(page).toHaveURL("/compare");
    await expect(menuLink(page, "Flows")).toBeHidden();
  });

  test("closes on a tap outside it", async ({ page }) => {
    await page.goto("/");
    await menuButton(page).tap();
    await expect(menuLink(page, "Flows")).toBeVisible();
    // The open menu covers the page's top right; the footer is outside it.
    await page.getByText("A reference app: read the code").tap();
    await expect(menuLink(page, "Flows")).toBeHidden();
  });

  test("closes on Escape and gives focus back to the Menu button", async ({ page }) => {
    await page.goto("/");
    await menuButton(page).click();
    await expect(menuLink(page, "Flows")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menuLink(page, "Flows")).toBeHidden();
    await expect(menuButton(page)).toBeFocused();
  });
});

test("the labs menu lists every lab on the labs page, the browser labs too", async ({ page }) => {
  await page.goto("/labs");
  const menu = page.getByRole("navigation", { name: "Labs" });
  const listed = page.getByRole("main").getByRole("heading").getByRole("link");
  const titles = await listed.allTextContents();
  expect(titles).toContain("Cross-origin");
  expect(titles).toContain("Where the token is stored");
  for (const title of titles) await expect(menu.getByRole("link", { name: title, exact: true })).toBeVisible();
});
