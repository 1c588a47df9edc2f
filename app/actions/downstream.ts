"use server";

import { requireUser } from "@/lib/auth/dal";
import { mintServiceToken } from "@/lib/auth/service-token";
import { callDownstreamWhoami } from "@/lib/downstream/call";

export interface DownstreamState {
  status?: number;
  answer?: string;
  error?: string;
  tokenBytes?: number;
}

/** Session → 60 s token (only after the DAL accepted the session) → the downstream service. */
export async function callDownstreamAction(): Promise<DownstreamState> {
  const principal = await requireUser("session");
  const minted = await mintServiceToken(principal, new Date());
  if (!minted.ok) return { error: minted.message };
  const call = await callDownstreamWhoami(minted.token);
  if (!call.ok) return { error: call.message, tokenBytes: minted.token.length };
  return { status: call.status, answer: JSON.stringify(call.body, null, 2), tokenBytes: minted.token.length };
}
