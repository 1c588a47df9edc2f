import "server-only";

import { z } from "zod";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { ChallengeStoreUnavailable } from "../auth/methods/passkey/challenges.ts";
import type { PasskeyOutcome } from "../auth/methods/passkey/outcome.ts";
import { passkeyRegistrationOptions, registerPasskey } from "../auth/methods/passkey/register.ts";
import { passkeySignInOptions, signInWithPasskey } from "../auth/methods/passkey/sign-in.ts";
import { passkeySignUpOptions, signUpWithPasskey } from "../auth/methods/passkey/sign-up.ts";
import { listPasskeys, removePasskey } from "../auth/methods/passkey/store.ts";
import { credentialsSchema } from "../auth/methods/password/sign-in.ts";
import { AUTH_MODES } from "../auth/types.ts";
import { findUserById } from "../users.ts";
import { authenticated } from "./account-api.ts";
import { crossSite, insecureTransport } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { SIGN_UP_SENT_MESSAGE } from "./register-api.ts";
import { json, jsonError, noContent } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";

/**
 * The passkey API, one set for both modes: the ceremony is the method's, the mode only picks
 * the credential issued at the end. Every answer is JSON with a stable code; a forged or
 * broken WebAuthn response is a 4xx, never the library's exception as a 500.
 */

const base64url = z.string().max(8192).regex(/^[A-Za-z0-9_-]*$/, "Expected base64url.");
const credentialShape = {
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal("public-key"),
  clientExtensionResults: z.looseObject({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};
const registrationResponseSchema = z.object({
  ...credentialShape,
  response: z.looseObject({ clientDataJSON: base64url, attestationObject: base64url, transports: z.array(z.string().max(32)).max(10).optional() }),
});
const authenticationResponseSchema = z.object({
  ...credentialShape,
  response: z.looseObject({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url, userHandle: base64url.optional() }),
});
const modeSchema = z.enum(AUTH_MODES, { error: "Unknown mode." });
const passkeyName = z.string().trim().min(1, "Name the passkey.").max(60, "Use at most 60 characters.");

/** Stable codes and statuses for every refusal, in one place. */
function refused(outcome: Extract<PasskeyOutcome, { ok: false }> | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number }): Response {
  switch (outcome.reason) {
    case "insecure_transport":
      return insecureTransport(outcome.localhostUrl);
    case "origin_not_allowed":
      return jsonError(400, "passkey_origin_not_allowed", outcome.message);
    case "too_many_attempts": {
      const response = jsonError(429, "too_many_attempts", `Too many sign-ups from here. Try again in ${outcome.retryAfterSeconds} s.`);
      response.headers.set("Retry-After", String(outcome.retryAfterSeconds));
      return response;
    }
    case "challenge_used":
      return jsonError(400, "challenge_used", "This passkey answer was already used once; start again.");
    case "challenge_unknown":
      return jsonError(400, "challenge_expired", "This passkey request expired or was never issued here; start again.");
    case "challenge_wrong_purpose":
      return jsonError(400, "challenge_wrong_purpose", "This passkey answer belongs to another ceremony; start again.");
    case "response_malformed":
      return jsonError(400, "passkey_response_malformed", "The passkey answer could not be read.");
    case "registration_invalid":
      return jsonError(400, "passkey_registration_invalid", "The new passkey could not be verified.");
    case "passkey_unknown":
      return jsonError(401, "passkey_unknown", "This passkey is not registered here.");
    case "passkey_invalid":
      return jsonError(401, "passkey_invalid", "The passkey's signature did not verify.");
    case "passkey_counter_regressed":
      return jsonError(401, "passkey_counter_regressed", "This passkey's signature counter went backwards, a sign that it was copied: sign-in refused.");
    case "store_unavailable": {
      const response = jsonError(503, "store_unavailable", "Signing in is unavailable right now (the user store is unreachable); try again shortly.");
      response.headers.set("Retry-After", "5");
      return response;
    }
  }
}

/** Challenges live in the shared state: Redis down means no ceremony, 503, not a 500. */
async function withChallengeStore(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ChallengeStoreUnavailable) return jsonError(503, "challenge_store_unavailable", "Passkeys are unavailable right now (the shared state is unreachable); try again shortly.");
    throw error;
  }
}

function signedIn(outcome: Extract<PasskeyOutcome, { ok: true }>): Response {
  const { user, issued } = outcome;
  return json({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, expiresAt: issued.principal.expiresAt.toISOString(), ...issued.apiFields });
}

export async function apiPasskeySignInOptions(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  return withChallengeStore(async () => {
    const answer = await passkeySignInOptions();
    return answer.ok ? json({ options: answer.options }) : refused(answer);
  });
}

export async function apiPasskeySignIn(request: Request): Promise<Response> {
  // Login CSRF: a forged sign-in would put the victim in the attacker's account.
  if (isCrossSiteRequest(request)) return crossSite();
  const body = await readJsonBody(request, z.object({ mode: modeSchema, response: authenticationResponseSchema }));
  if (!body.ok) return body.response;
  return withChallengeStore(async () => {
    const outcome = await signInWithPasskey(body.data.mode, body.data.response as AuthenticationResponseJSON);
    return outcome.ok ? signedIn(outcome) : refused(outcome);
  });
}

export async function apiPasskeySignUpOptions(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const schema = z.object({ email: credentialsSchema.shape.email, name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for the name.") });
  const body = await readJsonBody(request, schema);
  if (!body.ok) return body.response;
  return withChallengeStore(async () => {
    const answer = await passkeySignUpOptions(body.data);
    return answer.ok ? json({ options: answer.options }) : refused(answer);
  });
}

export async function apiPasskeySignUp(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const body = await readJsonBody(request, z.object({ mode: modeSchema, response: registrationResponseSchema }));
  if (!body.ok) return body.response;
  return withChallengeStore(async () => {
    const outcome = await signUpWithPasskey(body.data.mode, body.data.response as RegistrationResponseJSON);
    if (!outcome.ok) return refused(outcome);
    // The password sign-up's answer, word for word: nothing here tells a taken address from a free one.
    return json({ status: "check_your_email", mode: body.data.mode, message: SIGN_UP_SENT_MESSAGE }, { status: 202 });
  });
}

async function currentUser(request: Request) {
  const auth = await authenticated(request);
  if (!auth.ok) return auth;
  const user = await findUserById(auth.principal.userId);
  if (!user) return { ok: false as const, response: jsonError(401, "user_gone", "This account no longer exists or is disabled.") };
  return { ok: true as const, user };
}

export async function apiListPasskeys(request: Request): Promise<Response> {
  const auth = await currentUser(request);
  if (!auth.ok) return auth.response;
  const passkeys = await listPasskeys(auth.user.id);
  return json({ passkeys: passkeys.map(({ id, name, createdAt, lastUsedAt, backedUp }) => ({ id, name, createdAt, lastUsedAt, synced: backedUp })) });
}

export async function apiPasskeyRegistrationOptions(request: Request): Promise<Response> {
  const auth = await currentUser(request);
  if (!auth.ok) return auth.response;
  return withChallengeStore(async () => {
    const answer = await passkeyRegistrationOptions(auth.user);
    return answer.ok ? json({ options: answer.options }) : refused(answer);
  });
}

export async function apiRegisterPasskey(request: Request): Promise<Response> {
  const auth = await currentUser(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, z.object({ name: passkeyName, response: registrationResponseSchema }));
  if (!body.ok) return body.response;
  return withChallengeStore(async () => {
    const added = await registerPasskey(auth.user, body.data.response as RegistrationResponseJSON, body.data.name);
    return added.ok ? json({ id: added.id, name: added.name }, { status: 201 }) : refused(added);
  });
}

export async function apiRemovePasskey(request: Request, id: string): Promise<Response> {
  const auth = await currentUser(request);
  if (!auth.ok) return auth.response;
  const removal = await removePasskey(auth.user.id, id);
  if (removal.ok) return noContent();
  if (removal.code === "last_method") {
    return jsonError(409, "last_sign_in_method", "This is the last way to sign in to this account: add another passkey or a password before removing it.");
  }
  return jsonError(404, "passkey_not_found", "No such passkey on this account.");
}
