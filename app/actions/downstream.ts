"use server";

import { redirect } from "next/navigation";
import { verifyAuthForExchange } from "@/lib/auth/dal";
import { mintDownstreamToken } from "@/lib/auth/downstream-token";
import { isAuthMode } from "@/lib/auth/modes";
import { strategies } from "@/lib/auth/registry";
import { currentPathname } from "@/lib/auth/request";
import { callDownstreamWhoami } from "@/lib/downstream/call";

export interface DownstreamState {
  status?: number;
  answer?: string;
  error?: string;
  tokenBytes?: number;
  expiresIn?: number;
}

/**
 * Either mode's credential → the token exchange (checked completely first: a revoked login buys
 * nothing) → a ≤ 60 s token for the downstream service alone → the downstream service. The same
 * exchange as POST /api/<mode>/token. `mode` arrives from the client (a bound argument): checked.
 */
export async function callDownstreamAction(mode: unknown): Promise<DownstreamState> {
  if (typeof mode !== "string" || !isAuthMode(mode)) return { error: "Unknown mode." };
  const check = await verifyAuthForExchange(mode);
  if (!check.ok && check.status === 503) return { error: check.message };
  if (!check.ok) redirect(strategies[mode].recoveryPath(await currentPathname()));
  const minted = await mintDownstreamToken(check.principal, new Date());
  if (!minted.ok) return { error: minted.message };
  const facts = { tokenBytes: minted.token.length, expiresIn: minted.claims.exp - minted.claims.iat };
  const call = await callDownstreamWhoami(minted.token);
  if (!call.ok) return { error: call.message, ...facts };
  return { status: call.status, answer: JSON.stringify(call.body, null, 2), ...facts };
}
