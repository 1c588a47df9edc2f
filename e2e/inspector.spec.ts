import { expect, test, type Locator, type Page } from "@playwright/test";
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

test("the JWT inspector shows the cookie's structure, its decoded parts and a live countdown to exp", async ({ page, context }) => {
  await loginViaForm(page, "jwt", bob);
  await page.getByRole("navigation", { name: "JWT mode pages" }).getByRole("link", { name: "Inspector" }).click();
  await expect(page).toHaveURL("/jwt/inspect");
  const token = await authCookieValue(context, "jwt");
  const [header, payload] = token.split(".");
  await expect(page.getByLabel("Cookie value, elided")).toContainText(`${header}.${payload}.`);
  await expect(page.getByLabel("Cookie value, elided")).toContainText("bytes elided");

  // Coloured as token debuggers colour them, the encoded piece and its decoded form alike,
  // and named in words too.
  const encoded = page.getByLabel("Cookie value, elided");
  const colourOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).color);
  const headerColour = await colourOf(encoded.getByText(header!, { exact: true }));
  expect(headerColour).toBe(await colourOf(page.getByRole("heading", { name: "header", exact: true })));
  expect(await colourOf(encoded.getByText(payload!, { exact: true }))).toBe(await colourOf(page.getByRole("heading", { name: "payload", exact: true })));
  expect(await colourOf(encoded.getByText(payload!, { exact: true }))).not.toBe(headerColour);
  await expect(page.getByRole("row", { name: /^signature signature \d+/ })).toBeVisible();
  await expect(page.getByLabel("Colour key")).toHaveText(/header\s*payload\s*signature/);

  const decoded = decodeJwt(token);
  expect(await shownJson(page, "Decoded header")).toEqual(decoded.header);
  expect(await shownJson(page, "Decoded payload")).toEqual(decoded.payload);

  const exp = decoded.payload.exp as number;
  const timer = page.getByRole("main").getByRole("timer");
  await expect(timer).toHaveAttribute("datetime", new Date(exp * 1000).toISOString());
  const first = (await timer.textContent()) ?? "";
  expect(Math.abs(secondsShown(first) - (exp - Date.now() / 1000))).toBeLessThan(5);
  await expect(timer).not.toHaveText(first);
});

test("the session inspector shows the opaque seal's structure and the row it points at", async ({ page, context }) => {
  await loginViaForm(page, "session", bob);
  await page.goto("/session/inspect");
  const seal = await authCookieValue(context, "session");
  await expect(page.getByLabel("Cookie value, elided")).toContainText("Fe26.2*");
  // The seal's pieces marked as a JWT's are: its MAC is what a signature is to a token.
  await expect(page.getByRole("row", { name: /^hmac signature \d+/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^ciphertext payload \d+/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^prefix header \d+/ })).toBeVisible();
  await expect(page.getByLabel("Cookie value, elided")).toContainText("bytes elided");
  await expect(page.getByRole("region", { name: "What anyone holding it can read" })).toContainText("Nothing");

  const { sessions } = (await (await page.request.get("/api/session/sessions")).json()) as { sessions: { id: string; current: boolean }[] };
  const row = sessions.find((session) => session.current);
  expect(row, "the devices API knows this session").toBeDefined();
  await expect(page.getByRole("region", { name: "What the server relied on" }).getByText(row!.id, { exact: true })).toBeVisible();
  const { user } = (await (await page.request.get("/api/session/me")).json()) as { user: { id: string } };
  for (const secret of [row!.id, user.id, bob.email]) expect(seal).not.toContain(secret);
  await expect(page.getByRole("main").getByRole("timer")).toBeVisible();
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
    await expect(page.getByLabel("Cookie value, elided")).toHaveCount(0);
  });
}

// Any script on the origin can fetch these pages: the httpOnly credential must not be in them.
for (const mode of MODES) {
  test(`${mode}: the inspector's HTML never contains the replayable credential`, async ({ page, context }) => {
    await loginViaForm(page, mode, bob);
    const credential = await authCookieValue(context, mode);
    const response = await context.request.get(`/${mode}/inspect`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain("bytes elided");
    expect(html.includes(credential), "the whole credential is in the page").toBe(false);
    // Neither the secret piece on its own: a JWT's header and payload are public, its signature is not.
    const secretPiece = mode === "jwt" ? credential.split(".")[2]! : credential.split("~")[0]!.split("*")[7]!;
    expect(html.includes(secretPiece), "the signature / MAC is in the page").toBe(false);
    if (mode === "jwt") {
      const [header, payload] = credential.split(".");
      // Each public piece is printed (in its own coloured span, so not as one joined string).
      expect(html).toContain(`>${header}<`);
      expect(html).toContain(`>${payload}<`);
      expect(html).toContain(String(decodeJwt(credential).payload.jti)); // the decoded claims are shown
    }
  });
}
