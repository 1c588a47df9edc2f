import { expect, test, type Page } from "@playwright/test";
import { authCookieValue, bob, decodeJwt, loginViaForm, MODES, plantAuthCookie } from "./fixtures.ts";

/** The inspectors take the logged-in user's own credential apart; what they show must be that credential. */

/** "14:57", "01:59:58" or "6 d 23:59:58" → seconds. */
function secondsShown(text: string): number {
  const match = /^(?:(\d+) d )?(?:(\d+):)?(\d+):(\d+)$/.exec(text.trim());
  expect(match, `a countdown, not "${text}"`).not.toBeNull();
  const [, days = "0", hours = "0", minutes, seconds] = match!;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

async function shownJson(page: Page, label: string): Promise<unknown> {
  return JSON.parse((await page.getByLabel(label).textContent()) ?? "");
}

test("the JWT inspector shows the cookie as held, its decoded parts and a live countdown to exp", async ({ page, context }) => {
  await loginViaForm(page, "jwt", bob);
  await page.getByRole("navigation", { name: "jwt pages" }).getByRole("link", { name: "Inspector" }).click();
  await expect(page).toHaveURL("/jwt/inspect");
  const token = await authCookieValue(context, "jwt");
  await expect(page.getByLabel("Cookie value")).toHaveText(token);

  const decoded = decodeJwt(token);
  expect(await shownJson(page, "Decoded header")).toEqual(decoded.header);
  expect(await shownJson(page, "Decoded payload")).toEqual(decoded.payload);
  await expect(page.getByLabel("Decoded signature")).toHaveText(decoded.signature);

  const exp = decoded.payload.exp as number;
  const timer = page.getByRole("timer");
  await expect(timer).toHaveAttribute("datetime", new Date(exp * 1000).toISOString());
  const first = (await timer.textContent()) ?? "";
  expect(Math.abs(secondsShown(first) - (exp - Date.now() / 1000))).toBeLessThan(5);
  await expect(timer).not.toHaveText(first);
});

test("the session inspector shows the opaque seal as held and the row it points at", async ({ page, context }) => {
  await loginViaForm(page, "session", bob);
  await page.goto("/session/inspect");
  const seal = await authCookieValue(context, "session");
  await expect(page.getByLabel("Cookie value")).toHaveText(seal);
  await expect(page.getByRole("region", { name: "What anyone holding it can read" })).toContainText("Nothing");

  const { sessions } = (await (await page.request.get("/api/session/sessions")).json()) as { sessions: { id: string; current: boolean }[] };
  const row = sessions.find((session) => session.current);
  expect(row, "the devices API knows this session").toBeDefined();
  await expect(page.getByRole("region", { name: "What the server relied on" }).getByText(row!.id, { exact: true })).toBeVisible();
  const { user } = (await (await page.request.get("/api/session/me")).json()) as { user: { id: string } };
  for (const secret of [row!.id, user.id, bob.email]) expect(seal).not.toContain(secret);
  await expect(page.getByRole("timer")).toBeVisible();
});

for (const mode of MODES) {
  test(`${mode}: a copy of a logged-out credential does not open the inspector`, async ({ page, context, baseURL }) => {
    await loginViaForm(page, mode, bob);
    const copy = await authCookieValue(context, mode);
    expect((await page.request.post(`/api/${mode}/logout`)).status()).toBe(204);
    // It still unseals / verifies, so the proxy lets it through: the DAL behind the page refuses it.
    await plantAuthCookie(context, baseURL!, mode, copy);
    await page.goto(`/${mode}/inspect`);
    await expect(page).toHaveURL(`/${mode}/login?next=${encodeURIComponent(`/${mode}/inspect`)}`);
    await expect(page.getByLabel("Cookie value")).toHaveCount(0);
  });
}
