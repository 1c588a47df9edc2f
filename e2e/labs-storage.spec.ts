import { expect, test } from "@playwright/test";
import { bob, loginViaForm } from "./fixtures.ts";

/** The storage lab in a real browser: what an injected script steals, and what it rides. */

test("httpOnly stops theft, not misuse: localStorage and a readable cookie are stolen, the httpOnly cookie is ridden", async ({ page }) => {
  await loginViaForm(page, "jwt", bob);
  await page.goto("/labs/storage");
  await page.getByRole("button", { name: "Open the vulnerable page" }).click();
  await expect(page).toHaveURL(/\/api\/labs\/storage\/victim$/); // the token left the address bar
  await expect(page.getByRole("status")).toHaveText("Done: the injected script ran.");
  const rows = page.getByRole("table", { name: "What the injected script got" }).getByRole("row");
  await expect(rows.filter({ hasText: /^localStorage/ })).toContainText("stolen");
  await expect(rows.filter({ hasText: /^cookie readable by script/ })).toContainText("stolen");
  await expect(rows.filter({ hasText: /^httpOnly cookiestolen|^httpOnly cookienot_readable/ })).toContainText("not_readable");
  await expect(rows.filter({ hasText: /without reading it/ })).toContainText("rode_the_cookie");
  // Styled like the site's verdicts, not bare HTML: what the attacker got in red, what held in green.
  await expect(rows.filter({ hasText: /^localStorage/ }).getByRole("cell", { name: "stolen", exact: true })).toHaveCSS("color", "rgb(185, 28, 28)");
  await expect(rows.filter({ hasText: /^httpOnly cookienot_readable/ }).getByRole("cell", { name: "not_readable", exact: true })).toHaveCSS("color", "rgb(4, 120, 87)");
  // None of the visitor's own credentials is visible to the page's scripts.
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/svj-(session|jwt)=/);
});

test("the vulnerable page runs only its two known scripts: its CSP allows them by hash and nothing else", async ({ request }) => {
  const response = await request.get("/api/labs/storage/victim");
  const csps = response.headersArray().filter((header) => header.name.toLowerCase() === "content-security-policy").map((header) => header.value);
  const own = csps.find((value) => value.includes("script-src"));
  expect(own).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
  expect(own).toContain("default-src 'none'");
  expect(own).not.toContain("unsafe-inline' 'sha");
});

test("the lab asks for a login first", async ({ page }) => {
  await page.goto("/labs/storage");
  await page.getByRole("button", { name: "Open the vulnerable page" }).click();
  await expect(page.getByRole("status")).toContainText("Log in first");
});
