import "server-only";

import { strategies } from "../auth/registry.ts";
import type { AuthMode } from "../auth/types.ts";
import { cookieFrom, type LabAnswer, type LabClient, type LabRequest } from "./recorder.ts";
import type { ThrowawayUser } from "./throwaway-user.ts";

/** Logging in through the real API and holding on to what it handed out, as a thief would. */

export interface HeldCredential {
  mode: AuthMode;
  /** The session cookie's value, or the access token. */
  value: string;
  /** JWT mode's refresh token, from the login answer. */
  refreshToken?: string;
}

export class LabSetupError extends Error {}

/** `at`: an instance's origin, when the lab talks to more than one (the fleet lab); else the client's. */
export async function logInAs(client: LabClient, mode: AuthMode, user: ThrowawayUser, at?: string): Promise<HeldCredential> {
  const answer = await client.send(at ? `Log in as the throwaway user at ${new URL(at).host}` : "Log in as the throwaway user", {
    method: "POST",
    path: `${at ?? ""}/api/${mode}/login`,
    json: { email: user.email, password: user.password },
  });
  const body = answer.body as { accessToken?: unknown; refreshToken?: unknown } | null;
  // A mode that takes Bearer tokens hands its credential to API clients in the body.
  const value = strategies[mode].acceptsBearer ? body?.accessToken : cookieFrom(answer.setCookies, strategies[mode].describe().cookieName);
  // Without a credential the lab has nothing to show: that is a broken app, not a verdict.
  if (answer.status !== 200 || typeof value !== "string") throw new LabSetupError(`Logging in to ${mode} mode answered ${answer.status ?? "nothing"}.`);
  const refreshToken = typeof body?.refreshToken === "string" ? body.refreshToken : undefined;
  return { mode, value, ...(refreshToken ? { refreshToken } : {}) };
}

/** How each mode's credential travels: `Authorization: Bearer` where the mode takes it, else its cookie. */
export function presenting(mode: AuthMode, value: string): Pick<LabRequest, "cookie" | "bearer"> {
  const strategy = strategies[mode];
  return strategy.acceptsBearer ? { bearer: value } : { cookie: { name: strategy.describe().cookieName, value } };
}

export function callMe(client: LabClient, held: Pick<HeldCredential, "mode" | "value">, label: string, options: Partial<LabRequest> = {}): Promise<LabAnswer> {
  return client.send(label, { path: `/api/${held.mode}/me`, ...presenting(held.mode, held.value), ...options });
}

/**
 * The token exchange (POST /api/<mode>/token), as a client of either mode makes it before calling
 * the downstream service; `token` is null when none was handed out (e.g. JWT_ALG=HS256: 501).
 * `at`: an instance's origin, as for logInAs.
 */
export async function exchangeForDownstream(client: LabClient, held: HeldCredential, label: string, at?: string): Promise<{ answer: LabAnswer; token: string | null }> {
  const answer = await client.send(label, { method: "POST", path: `${at ?? ""}/api/${held.mode}/token`, ...presenting(held.mode, held.value) });
  const token = (answer.body as { token?: unknown } | null)?.token;
  return { answer, token: answer.status === 200 && typeof token === "string" ? token : null };
}

/** `user.role` from a /me answer, or null. */
export function roleIn(body: unknown): string | null {
  const role = (body as { user?: { role?: unknown } } | null)?.user?.role;
  return typeof role === "string" ? role : null;
}

/**
 * Seconds from `now` until the token's exp, read without a key (exactly what a holder can do);
 * null for a credential that carries no readable exp (a session seal).
 */
export function secondsUntilExp(token: string, now: Date): number | null {
  const { exp } = readablePayload(token);
  return typeof exp === "number" ? Math.max(0, Math.round(exp - now.getTime() / 1000)) : null;
}

/** exp − iat, read without a key; null when the token carries no readable pair. */
export function tokenLifetime(token: string): number | null {
  const { exp, iat } = readablePayload(token);
  return typeof exp === "number" && typeof iat === "number" ? exp - iat : null;
}

function readablePayload(token: string): { exp?: unknown; iat?: unknown } {
  try {
    return (JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { exp?: unknown; iat?: unknown } | null) ?? {};
  } catch {
    return {};
  }
}
