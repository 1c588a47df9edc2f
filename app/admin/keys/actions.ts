"use server";

import { revalidatePath } from "next/cache";
import { gateAdminAction } from "@/app/admin/page-gate";
import { z } from "zod";
import { adminRetireKey, adminRotateKeys } from "@/lib/admin/key-actions";
import { listSigningKeys, rotationPolicy } from "@/lib/auth/jwt/keys/admin";
import { secondRotationWords } from "./rotation-words";

export interface RotateState {
  error?: string;
  done?: string;
  /** A key already waits to sign: what another rotation would do to it, asked before doing it. */
  confirm?: string;
}

/**
 * Re-checks the admin on the row: a form post is a request like any other (Next checks its origin).
 * With a `next` key already published, a second rotation is asked about first (confirmed=yes acts):
 * the waiting key would sign only until the newer one activates, and the JWKS would carry both.
 */
export async function rotateKeysAction(_previous: RotateState, form: FormData): Promise<RotateState> {
  const gate = await gateAdminAction();
  if (!gate.ok) return { error: gate.error };
  if (form.get("cancel") === "yes") return {};
  const now = new Date();
  const waiting = (await listSigningKeys(now)).find((key) => key.state === "next");
  if (waiting && form.get("confirmed") !== "yes") return { confirm: secondRotationWords(waiting, rotationPolicy().publishLeadSeconds) };
  const { created } = await adminRotateKeys(gate.actor, now);
  revalidatePath("/admin/keys");
  return { done: `New key ${created.kid} published; it signs from ${created.activatesAt}.` };
}

const retireForm = z.object({ kid: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

/** Retire one key at once (it leaked): the same admin check, the kid from the form checked at the edge. */
export async function retireKeyAction(_previous: RotateState, form: FormData): Promise<RotateState> {
  const gate = await gateAdminAction();
  if (!gate.ok) return { error: gate.error };
  const input = retireForm.safeParse({ kid: form.get("kid") });
  if (!input.success) return { error: "No signing key has this kid." };
  const result = await adminRetireKey(gate.actor, input.data.kid, new Date());
  revalidatePath("/admin/keys");
  if (!result.ok) return { error: result.message };
  const instead = result.replacement ? ` Key ${result.replacement.kid} signs instead, from now.` : "";
  return { done: `Key ${result.retired.kid} retired: refused from the next check here, within 30 s on every other instance.${instead}` };
}
