"use server";

import { revalidatePath } from "next/cache";
import { auditActorFor } from "@/lib/admin/actor";
import { checkAdminAnyMode } from "@/lib/admin/gate";
import { adminRotateKeys } from "@/lib/admin/key-actions";

export interface RotateState {
  error?: string;
  done?: string;
}

/** Re-checks the admin on the row: a form post is a request like any other (Next checks its origin). */
export async function rotateKeysAction(): Promise<RotateState> {
  const gate = await checkAdminAnyMode();
  if (gate.kind === "anonymous") return { error: "Your login has ended: log in again." };
  if (gate.kind === "forbidden") return { error: "Admins only." };
  const keys = await adminRotateKeys(await auditActorFor(gate.principal), new Date());
  revalidatePath("/admin/keys");
  return { done: `New key ${keys[0]?.kid} published; it signs from ${keys[0]?.activatesAt}.` };
}
