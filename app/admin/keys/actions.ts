"use server";

import { revalidatePath } from "next/cache";
import { gateAdminAction } from "@/app/admin/gate";
import { adminRotateKeys } from "@/lib/admin/key-actions";

export interface RotateState {
  error?: string;
  done?: string;
}

/** Re-checks the admin on the row: a form post is a request like any other (Next checks its origin). */
export async function rotateKeysAction(): Promise<RotateState> {
  const gate = await gateAdminAction();
  if (!gate.ok) return { error: gate.error };
  const { created } = await adminRotateKeys(gate.actor, new Date());
  revalidatePath("/admin/keys");
  return { done: `New key ${created.kid} published; it signs from ${created.activatesAt}.` };
}
