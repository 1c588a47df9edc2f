import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";

/**
 * The browser half of the passkey ceremonies (shared by the login pages, the sign-up page and
 * the dashboard): ask the server for options, let the authenticator answer, post the answer.
 * Every failure comes back as one sentence for the page; nothing here decides anything.
 */

export type CeremonyResult<T> = { ok: true; data: T } | { ok: false; message: string };

async function postJson(path: string, body: unknown): Promise<CeremonyResult<Record<string, unknown>>> {
  const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data };
  const error = data.error as { message?: unknown } | undefined;
  return { ok: false, message: typeof error?.message === "string" ? error.message : `The server answered ${response.status}.` };
}

function cancelledOrFailed(error: unknown): CeremonyResult<never> {
  // NotAllowedError: the person closed the prompt, or it timed out: nothing was sent.
  if (error instanceof Error && (error.name === "NotAllowedError" || (error instanceof WebAuthnError && error.code === "ERROR_CEREMONY_ABORTED"))) {
    return { ok: false, message: "The passkey prompt was closed; nothing was sent." };
  }
  return { ok: false, message: error instanceof Error ? error.message : "This browser could not use a passkey." };
}

/** Sign in (resident key: no e-mail asked), then `mode` issues its credential. */
export async function passkeySignIn(mode: string): Promise<CeremonyResult<Record<string, unknown>>> {
  const options = await postJson("/api/passkeys/sign-in/options", {});
  if (!options.ok) return options;
  try {
    const response = await startAuthentication({ optionsJSON: options.data.options as Parameters<typeof startAuthentication>[0]["optionsJSON"] });
    return await postJson("/api/passkeys/sign-in", { mode, response });
  } catch (error) {
    return cancelledOrFailed(error);
  }
}

type CreationOptions = Parameters<typeof startRegistration>[0]["optionsJSON"];

/** A new account whose only way in is this passkey. */
export async function passkeySignUp(mode: string, email: string, name: string): Promise<CeremonyResult<Record<string, unknown>>> {
  const options = await postJson("/api/passkeys/sign-up/options", { email, name });
  if (!options.ok) return options;
  try {
    const response = await startRegistration({ optionsJSON: options.data.options as CreationOptions });
    return await postJson("/api/passkeys/sign-up", { mode, response });
  } catch (error) {
    return cancelledOrFailed(error);
  }
}

/** Adds a passkey to the signed-in account. */
export async function passkeyRegister(name: string): Promise<CeremonyResult<Record<string, unknown>>> {
  const options = await postJson("/api/passkeys/options", {});
  if (!options.ok) return options;
  try {
    const response = await startRegistration({ optionsJSON: options.data.options as CreationOptions });
    return await postJson("/api/passkeys", { name, response });
  } catch (error) {
    return cancelledOrFailed(error);
  }
}
