"use server";

import { revalidatePath } from "next/cache";
import { checkAdmin } from "@/lib/auth/admin";
import { rotateSigningKeys } from "@/lib/auth/jwt/key-admin";

export interface RotateState {
  error?: string;
  done?: string;
}

/** Re-checks the admin on the row: a form post is a request like any other (Next checks its origin). */
export async function rotateKeysAction(): Promise<RotateState> {
  const admin = await checkAdmin();
  if (!admin.ok) return { error: "Admins only." };
  const keys = await rotateSigningKeys(new Date());
  revalidatePath("/admin/keys");
  return { done: `New key ${keys[0]?.kid} published; it signs from ${keys[0]?.activatesAt}.` };
}
