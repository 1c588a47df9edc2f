import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { bob, cookieName, expectApiError, loginViaForm, MODES } from "./fixtures";
import { addAuthenticator, logOut, signInWithPasskey, signUpWithPasskey, storedCredentials, submitPasskeySignUp } from "./passkey-fixtures";

/**
 * Passkeys in both modes, driven through Chromium's virtual authenticator (CDP WebAuthn
 * domain): a resident key with user verification, as a phone or a security key with a PIN
 * would be. One ceremony, either mode's credential at the end.
 */

for (const mode of MODES) {
  test.describe(`passkeys, ${mode} mode`, () => {
    test("sign up with a passkey only, sign in with it, add a second, remove one; the last is kept", async ({ page, context }) => {
      const first = await addAuthenticator(page);
      await signUpWithPasskey(page, mode);
      expect((await context.cookies()).some((cookie) => cookie.name === cookieName(mode))).toBe(true);

      await logOut(context);
      await signInWithPasskey(page, mode);
      await expect(page).toHaveURL(`/${mode}/dashboard`, { timeout: 15_000 });

      const passkeys = page.getByRole("list", { name: "Your passkeys" });
      await expect(passkeys.getByRole("listitem")).toHaveCount(1);
      // A second authenticator (a security key instead of the phone) on the same account; the
      // first is unplugged, as the browser would otherwise ask it too (and it is excluded).
      await first.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: first.authenticatorId });
      const second = await addAuthenticator(page);
      await page.getByLabel("Passkey name").fill("Spare key");
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await expect(page.getByText("Passkey “Spare key” added.")).toBeVisible();
      await expect(passkeys.getByRole("listitem")).toHaveCount(2);
      expect(await storedCredentials(second)).toHaveLength(1);

      await page.getByRole("button", { name: "Remove Spare key" }).click();
      await expect(page.getByText("Passkey “Spare key” removed.")).toBeVisible();
      await expect(passkeys.getByRole("listitem")).toHaveCount(1);
      // No password, one passkey: removing it would lock the account out for good.
      await page.getByRole("button", { name: "Remove Passkey" }).click();
      await expect(page.getByText(/last way to sign in/)).toBeVisible();
      await expect(passkeys.getByRole("listitem")).toHaveCount(1);
    });

    test("a taken address's passkey sign-up answers exactly as a new one's; only the mailbox tells (issue 18.2)", async ({ page, context }) => {
      await addAuthenticator(page);
      const fresh = await submitPasskeySignUp(page, mode, `passkey-${randomUUID()}@example.test`);
      const taken = await submitPasskeySignUp(page, mode, bob.email);
      expect(fresh.status).toBe(202);
      expect(taken).toEqual(fresh);
      expect((await context.cookies()).some((cookie) => cookie.name === cookieName(mode))).toBe(false);
      await page.goto(`/outbox?to=${encodeURIComponent(bob.email)}`);
      await expect(page.getByRole("heading", { name: "Someone tried to sign up with this address" }).first()).toBeVisible();
      // Bob's account is as it was: his password still logs in.
      await loginViaForm(page, mode, bob);
    });

    test("a cloned authenticator is refused once its counter falls behind", async ({ page, browser, baseURL }) => {
      const original = await addAuthenticator(page);
      await signUpWithPasskey(page, mode);
      const [credential] = await storedCredentials(original);
      expect(credential?.isResidentCredential).toBe(true);

      // The original is used twice more: the server's counter moves past the copy's.
      for (let i = 0; i < 2; i++) {
        await logOut(page.context());
        await signInWithPasskey(page, mode);
        await expect(page).toHaveURL(`/${mode}/dashboard`, { timeout: 15_000 });
      }

      const cloneContext = await browser.newContext({ baseURL });
      const clonePage = await cloneContext.newPage();
      const clone = await addAuthenticator(clonePage);
      await clone.cdp.send("WebAuthn.addCredential", { authenticatorId: clone.authenticatorId, credential: { ...credential! } });
      await signInWithPasskey(clonePage, mode);
      await expect(clonePage.getByText(/signature counter went backwards/)).toBeVisible();
      await expect(clonePage).toHaveURL(new RegExp(`/${mode}/login`));
      expect((await cloneContext.cookies()).some((cookie) => cookie.name === cookieName(mode))).toBe(false);
      await cloneContext.close();
    });

    test("a signed sign-in answer replayed is refused: each challenge is used once", async ({ page }) => {
      await addAuthenticator(page);
      await signUpWithPasskey(page, mode);
      await logOut(page.context());
      const answer = page.waitForRequest((request) => request.url().endsWith("/api/passkeys/sign-in") && request.method() === "POST");
      await signInWithPasskey(page, mode);
      await expect(page).toHaveURL(`/${mode}/dashboard`, { timeout: 15_000 });
      const body = (await answer).postDataJSON() as unknown;

      const replay = await page.request.post("/api/passkeys/sign-in", { data: body });
      await expectApiError(replay, 400, "challenge_used");
    });
  });
}

test("forged and broken passkey answers are 4xx, never 500", async ({ request }) => {
  const forged = {
    mode: "session",
    response: { id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {}, response: { clientDataJSON: "bm90LWpzb24", authenticatorData: "AAAA", signature: "AAAA" } },
  };
  await expectApiError(await request.post("/api/passkeys/sign-in", { data: forged }), 400, "passkey_response_malformed");
  await expectApiError(await request.post("/api/passkeys/sign-in", { data: { mode: "session", response: { id: 1 } } }), 400, "invalid_input");
  // A well-formed answer to a challenge this server never issued.
  const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: "never-issued", origin: "http://localhost" })).toString("base64url");
  await expectApiError(await request.post("/api/passkeys/sign-in", { data: { ...forged, response: { ...forged.response, response: { ...forged.response.response, clientDataJSON } } } }), 400, "challenge_expired");
  await expectApiError(await request.delete("/api/passkeys/whatever"), 401, expect.any(String));
});
