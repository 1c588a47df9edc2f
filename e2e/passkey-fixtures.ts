import { randomUUID } from "node:crypto";
import { expect, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { cookieName, type Mode } from "./fixtures";

/**
 * Passkey ceremonies driven through Chromium's virtual authenticator (CDP WebAuthn domain): a
 * resident key with user verification, as a phone or a security key with a PIN would be. Shared
 * by the one-process suite (e2e/passkeys.spec.ts) and the fleet's.
 */

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

export async function addAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

/** A credential as the virtual authenticator reports it: the CDP WebAuthn.Credential fields the specs read or hand back. */
export interface StoredCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export async function storedCredentials(authenticator: VirtualAuthenticator): Promise<StoredCredential[]> {
  const { credentials } = await authenticator.cdp.send("WebAuthn.getCredentials", { authenticatorId: authenticator.authenticatorId });
  return credentials;
}

/** Fills and sends the passkey sign-up form; the answer of its last request is returned. */
export async function submitPasskeySignUp(page: Page, mode: Mode, email: string): Promise<{ status: number; body: unknown }> {
  await page.goto(`/register?mode=${mode}`);
  const form = page.getByRole("form", { name: "Sign up with a passkey" });
  await form.getByLabel("Name").fill("Pat Passkey");
  await form.getByLabel("E-mail").fill(email);
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/passkeys/sign-up" && response.request().method() === "POST");
  await form.getByRole("button", { name: "Sign up with a passkey" }).click();
  const response = await answer;
  // As the password sign-up (issue 18.2): "check your e-mail", nobody logged in yet.
  await expect(page).toHaveURL(`/register/sent?mode=${mode}`, { timeout: 15_000 });
  return { status: response.status(), body: (await response.json()) as unknown };
}

/** A new address: the passkey is made, then the mailed link (the demo's outbox) creates the account and logs in. */
export async function signUpWithPasskey(page: Page, mode: Mode): Promise<string> {
  const email = `passkey-${randomUUID()}@example.test`;
  await submitPasskeySignUp(page, mode, email);
  expect((await page.context().cookies()).some((cookie) => cookie.name === cookieName(mode))).toBe(false);
  await page.goto(`/outbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: "Finish sign-up" }).click();
  await expect(page.getByText("with the passkey you made")).toBeVisible();
  await page.getByRole("button", { name: "Finish sign-up" }).click();
  // A first sign-in makes the account and its login: as e2e/register.spec.ts, room for a busy machine.
  await expect(page.getByRole("heading", { name: "Signed in as Pat Passkey" })).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(`/${mode}/dashboard`);
  return email;
}

export async function logOut(context: BrowserContext): Promise<void> {
  await context.clearCookies();
}

export async function signInWithPasskey(page: Page, mode: Mode): Promise<void> {
  await page.goto(`/${mode}/login`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
}

