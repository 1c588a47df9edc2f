import { expect, type Page } from "@playwright/test";
import { authCookie, cookieName, cookiesBesidesDevice, expectApiError, loginRedirect, setCookieHeader } from "./fixtures.ts";
import { test, type LoggedInPage, type TestUser } from "./throwaway.ts";

/** Session mode's device list: every login is a row, so every login can be listed and ended. */

const devicesPath = "/session/devices";
// Real browsers' User-Agent strings, and the names the page shows for them.
const laptopAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const laptopName = "Chrome on Linux";
const phoneAgent =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const phoneName = "Safari on iPhone";

function sessionList(page: Page) {
  return page.getByRole("list", { name: "Sessions" }).getByRole("listitem");
}

function otherDevice(page: Page, deviceName: string) {
  return page.getByRole("listitem", { name: `Session from ${deviceName}` });
}

/** The same throwaway user logged in from two browsers that say who they are; the laptop opens the devices page. */
async function twoDevices(loggedInPage: LoggedInPage, user: TestUser) {
  const laptop = await loggedInPage("session", user, { userAgent: laptopAgent });
  const phone = await loggedInPage("session", user, { userAgent: phoneAgent });
  await laptop.goto(devicesPath);
  await expect(sessionList(laptop)).toHaveCount(2);
  return { laptop, phone };
}

/** The phone was on its dashboard; its next request is refused by the database, not the proxy. */
async function expectLoggedOut(page: Page) {
  await page.reload();
  await expect(page).toHaveURL(loginRedirect("session"));
}

test.describe("devices page", () => {
  test("lists both sessions and marks the one of the browser looking", async ({ makeUser, loggedInPage }) => {
    const { laptop, phone } = await twoDevices(loggedInPage, await makeUser());
    const current = laptop.getByRole("listitem", { name: "This device" });
    await expect(current).toContainText(laptopName);
    await expect(current).toContainText("this device");
    await expect(otherDevice(laptop, phoneName)).toContainText(phoneName);
    await expect(otherDevice(laptop, phoneName)).not.toContainText("this device");

    await phone.goto(devicesPath);
    await expect(phone.getByRole("listitem", { name: "This device" })).toContainText(phoneName);
    await expect(otherDevice(phone, laptopName)).not.toContainText("this device");
  });

  test("names each device, keeps the raw User-Agent on hover, dates it in the reader's time with UTC on hover", async ({ makeUser, loggedInPage }) => {
    const { laptop } = await twoDevices(loggedInPage, await makeUser());
    const other = otherDevice(laptop, phoneName);
    await expect(other.getByText(phoneName, { exact: true })).toHaveAttribute("title", phoneAgent);
    await expect(other).not.toContainText("Mozilla");
    const signedIn = other.getByRole("time").first();
    await expect(signedIn).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    // After hydration the UTC fallback gives way to the reader's clock, relative form included.
    await expect(signedIn).toHaveText(/\b(now|ago)\)$/);
  });

  test("revoking the other device logs it out on its next navigation, and only it", async ({ makeUser, loggedInPage }) => {
    const { laptop, phone } = await twoDevices(loggedInPage, await makeUser());
    await otherDevice(laptop, phoneName).getByRole("button", { name: "Revoke" }).click();
    await expect(otherDevice(laptop, phoneName)).toHaveCount(0);
    await expect(sessionList(laptop)).toHaveCount(1);

    await expectLoggedOut(phone);
    await laptop.reload();
    await expect(laptop).toHaveURL(devicesPath);
    await expect(laptop.getByRole("listitem", { name: "This device" })).toBeVisible();
  });

  test('"Log out this device" ends only the current session', async ({ makeUser, loggedInPage }) => {
    const { laptop, phone } = await twoDevices(loggedInPage, await makeUser());
    await laptop.getByRole("listitem", { name: "This device" }).getByRole("button", { name: "Log out this device" }).click();
    await expect(laptop).toHaveURL("/session/login?signedOut=1");
    expect(await authCookie(laptop.context(), "session")).toBeUndefined();

    await phone.goto(devicesPath);
    await expect(sessionList(phone)).toHaveCount(1);
    await expect(phone.getByRole("listitem", { name: "This device" })).toContainText(phoneName);
  });

  test('"Log out everywhere else" keeps this browser and ends the other', async ({ makeUser, loggedInPage }) => {
    const { laptop, phone } = await twoDevices(loggedInPage, await makeUser());
    await laptop.getByRole("button", { name: "Log out everywhere else" }).click();
    await expect(sessionList(laptop)).toHaveCount(1);
    await expect(laptop.getByRole("listitem", { name: "This device" })).toBeVisible();

    await expectLoggedOut(phone);
    await laptop.reload();
    await expect(laptop).toHaveURL(devicesPath);
  });

  test('"Log out everywhere" ends both browsers', async ({ makeUser, loggedInPage }) => {
    const { laptop, phone } = await twoDevices(loggedInPage, await makeUser());
    await laptop.getByRole("button", { name: "Log out everywhere", exact: true }).click();
    await expect(laptop).toHaveURL("/session/login?signedOut=1");
    expect(await authCookie(laptop.context(), "session")).toBeUndefined();

    await expectLoggedOut(phone);
  });
});

interface DeviceJson {
  id: string;
  userAgent: string | null;
  current: boolean;
}

test.describe("devices API", () => {
  test("GET /api/session/sessions lists every session of the caller and marks its own", async ({ makeUser, apiLogin, request }) => {
    const user = await makeUser();
    const laptop = await apiLogin("session", user, { userAgent: laptopAgent });
    await apiLogin("session", user, { userAgent: phoneAgent });

    const response = await laptop.api.get("/api/session/sessions");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const { sessions } = (await response.json()) as { sessions: DeviceJson[] };
    expect(sessions.map(({ userAgent, current }) => ({ userAgent, current })).sort((a, b) => Number(b.current) - Number(a.current))).toEqual([
      { userAgent: laptopAgent, current: true },
      { userAgent: phoneAgent, current: false },
    ]);
    await expectApiError(await request.get("/api/session/sessions"), 401, "no_credential");
  });

  test("DELETE with another user's session id answers 404 and deletes nothing", async ({ makeUser, apiLogin }) => {
    const attacker = await apiLogin("session", await makeUser());
    const victim = await apiLogin("session", await makeUser());
    const { sessions } = (await (await victim.api.get("/api/session/sessions")).json()) as { sessions: DeviceJson[] };
    const victimId = sessions[0]!.id;

    await expectApiError(await attacker.api.delete(`/api/session/sessions/${encodeURIComponent(victimId)}`), 404, "session_not_found");
    // Indistinguishable from an id that never existed.
    await expectApiError(await attacker.api.delete("/api/session/sessions/no-such-session"), 404, "session_not_found");

    expect((await victim.api.get("/api/session/me")).status()).toBe(200);
    const after = (await (await victim.api.get("/api/session/sessions")).json()) as { sessions: DeviceJson[] };
    expect(after.sessions.map((session) => session.id)).toEqual([victimId]);
  });

  test("DELETE with the caller's other session id answers 204 and ends that session", async ({ makeUser, apiLogin }) => {
    const user = await makeUser();
    const laptop = await apiLogin("session", user, { userAgent: laptopAgent });
    const phone = await apiLogin("session", user, { userAgent: phoneAgent });
    const { sessions } = (await (await laptop.api.get("/api/session/sessions")).json()) as { sessions: DeviceJson[] };
    const phoneId = sessions.find((session) => !session.current)!.id;

    expect((await laptop.api.delete(`/api/session/sessions/${encodeURIComponent(phoneId)}`)).status()).toBe(204);
    await expectApiError(await phone.api.get("/api/session/me"), 401, "session_unknown");
    expect((await laptop.api.get("/api/session/me")).status()).toBe(200);
  });

  test("POST /api/session/logout-everywhere {keepCurrent:false} ends every session and clears the cookie", async ({ makeUser, apiLogin }) => {
    const user = await makeUser();
    const laptop = await apiLogin("session", user, { userAgent: laptopAgent });
    const phone = await apiLogin("session", user, { userAgent: phoneAgent });

    const response = await laptop.api.post("/api/session/logout-everywhere", { data: { keepCurrent: false } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ revoked: 2, keptCurrent: false });
    expect(setCookieHeader(response, "session")).toMatch(new RegExp(`^${cookieName("session")}=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)`, "i"));
    expect(await cookiesBesidesDevice(laptop.api)).toEqual([]);

    await expectApiError(await phone.api.get("/api/session/me"), 401, "session_unknown");
    await expectApiError(await laptop.api.get("/api/session/me"), 401, "no_credential");
  });
});

test("the page says where each login's IP comes from, and what “unknown” would mean", async ({ makeUser, loggedInPage }) => {
  const user = await makeUser();
  const page = await loggedInPage("session", user);
  await page.goto(devicesPath);
  // The e2e server trusts no proxy: the address is the socket's, here loopback.
  await expect(page.getByRole("listitem", { name: "This device" })).toContainText(/IP (127\.0\.0\.1|::1)/);
  await expect(page.getByText(/TRUST_PROXY=0, so X-Forwarded-For is the client's own claim/)).toBeVisible();
});
