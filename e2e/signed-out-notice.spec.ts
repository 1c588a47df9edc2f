import { expect, type Page } from "@playwright/test";
import { cookieName, loginRedirect } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * A login ended from elsewhere says why on the login page it lands on (issue 22 item 10),
 * to the browser that held it and nobody else; the holder's own logout says nothing extra.
 */

const phoneAgent =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

function endedNotice(page: Page) {
  return page.getByTestId("ended-notice");
}

test.describe("signed-out notice", () => {
  test("session mode: a device revoked from another device is told so on its next page", async ({ makeUser, loggedInPage }) => {
    const user = await makeUser();
    const laptop = await loggedInPage("session", user);
    const phone = await loggedInPage("session", user, { userAgent: phoneAgent });
    await laptop.goto("/session/devices");
    await laptop.getByRole("listitem", { name: "Session from Safari on iPhone" }).getByRole("button", { name: "Revoke" }).click();
    await expect(laptop.getByRole("listitem", { name: "Session from Safari on iPhone" })).toHaveCount(0);

    await phone.reload();
    await expect(phone).toHaveURL(loginRedirect("session"));
    await expect(endedNotice(phone)).toHaveText("You were signed out: This login was ended from another device.");

    // The browser that did it, logging itself out, just gets the ordinary "logged out".
    await laptop.getByRole("listitem", { name: "This device" }).getByRole("button", { name: "Log out this device" }).click();
    await expect(laptop).toHaveURL("/session/login?signedOut=1");
    await expect(endedNotice(laptop)).toHaveCount(0);
  });

  test("JWT mode: a password changed in another browser is the reason the refresh gives", async ({ makeUser, loggedInPage }) => {
    const user = await makeUser();
    const here = await loggedInPage("jwt", user);
    const there = await loggedInPage("jwt", user);
    await here.getByLabel("Current password").fill(user.password);
    await here.getByLabel("New password").fill("a-brand-new-password");
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.getByText(/^Password changed\./)).toBeVisible();

    await there.reload();
    await expect(there).toHaveURL(loginRedirect("jwt"));
    await expect(endedNotice(there)).toHaveText("You were signed out: The account's password was changed, which ends every other login.");
    // Not for the browser that changed it: it carries on.
    await here.goto("/jwt/login");
    await expect(endedNotice(here)).toHaveCount(0);
  });

  test("a notice cookie with a code not on the list shows nothing, and no error", async ({ page, baseURL }) => {
    const { hostname } = new URL(baseURL!);
    const junk = ["<b>owned</b>", "constructor", "x".repeat(300)];
    for (const value of junk) {
      await page.context().addCookies([{ name: `${cookieName("jwt")}-ended`, value, domain: hostname, path: "/", secure: true, httpOnly: true, sameSite: "Lax" }]);
      const response = await page.goto("/jwt/login");
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(endedNotice(page)).toHaveCount(0);
    }
  });
});
