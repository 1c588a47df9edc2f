import { expect } from "@playwright/test";
import type { Db } from "../lib/db.ts";
import CHROMIUM_ARGS from "../scripts/chromium-args.json" with { type: "json" };
import { cookieName, MODES } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * Issue 22 item 5: on a non-loopback address over plain HTTP the login used to say "Signed in",
 * store no cookie (it is Secure), leave a session row behind, and land back on the login page.
 * Now it is refused before anything is counted or written, with the explanation and the
 * localhost link, in both modes, as a form and as JSON. The addresses are configured origins of
 * the shared server (PUBLIC_ORIGINS in playwright.config.ts), so the Host allowlist lets them in.
 */

/** A LAN name the browser resolves to this machine (Chromium's resolver rules), over plain HTTP. */
const LAN_NAME = "lan-demo.test";

async function nothingWritten(db: Db, userId: string) {
  expect(await db.session.count({ where: { userId } }), "no session row").toBe(0);
  expect(await db.refreshFamily.count({ where: { userId } }), "no refresh family").toBe(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).lastLoginAt, "no login recorded").toBeNull();
}

for (const mode of MODES) {
  test(`${mode} JSON login on a LAN address over plain HTTP: 403 insecure_transport with the localhost link, nothing written`, async ({ request, baseURL, makeUser, db }) => {
    const port = new URL(baseURL!).port;
    const lan = `192.0.2.20:${port}`;
    const user = await makeUser();
    const response = await request.post(`/api/${mode}/login`, {
      headers: { host: lan, origin: `http://${lan}` },
      data: { email: user.email, password: user.password },
    });
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string; details: { localhostUrl: string } } };
    expect(body.error.code).toBe("insecure_transport");
    expect(body.error.message).toContain("plain HTTP");
    expect(body.error.details.localhostUrl).toBe(`http://localhost:${port}/${mode}/login`);
    expect(response.headers()["set-cookie"] ?? "").not.toContain(cookieName(mode));
    await nothingWritten(db, user.id);
  });

  test(`${mode} login form on a LAN name over plain HTTP: refused with the explanation and a localhost link, nothing written`, async ({ playwright, baseURL, makeUser, db }) => {
    const port = new URL(baseURL!).port;
    const browser = await playwright.chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`],
    });
    try {
      const user = await makeUser();
      const page = await browser.newPage();
      await page.goto(`http://${LAN_NAME}:${port}/${mode}/login`);
      await expect(page.getByRole("note")).toContainText("logging in here is refused");
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText(/Logging in over plain HTTP on this address is refused/)).toBeVisible();
      const link = page.getByRole("link", { name: `Open http://localhost:${port}/${mode}/login` });
      await expect(link).toHaveAttribute("href", `http://localhost:${port}/${mode}/login`);
      await expect(page).toHaveURL(`http://${LAN_NAME}:${port}/${mode}/login`);
      expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(cookieName(mode));
      await nothingWritten(db, user.id);
    } finally {
      await browser.close();
    }
  });
}

test("sign-up on a LAN address over plain HTTP is refused the same way, and makes no account", async ({ request, baseURL, db }) => {
  const lan = `192.0.2.20:${new URL(baseURL!).port}`;
  const email = `lan-${Date.now()}@example.test`;
  const response = await request.post("/api/register", {
    headers: { host: lan, origin: `http://${lan}` },
    data: { name: "Lan Visitor", email, password: "correct horse battery staple lantern" },
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("insecure_transport");
  expect(await db.user.count({ where: { email } })).toBe(0);
});
