"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { gateAdminAction } from "@/app/admin/page-gate";
import { findUserForAdmin } from "@/lib/admin/users-overview";
import { adminDisableUser, adminEnableUser, adminEndEverything, adminSetRole, type AdminActionResult } from "@/lib/admin/user-actions";
import { getConfig } from "@/lib/env";
import { roleSchema, type Role } from "@/lib/roles";
import { confirmConsequence, confirmQuestion, type DestructiveOp } from "./confirm-words";

/**
 * The console's actions. Next checks that a Server Action comes from this origin; the admin
 * check runs again here (a page render proves nothing about the POST that follows it), and the
 * rules and audit entry live in lib/admin/user-actions.ts, shared with /api/admin/users/….
 */

export interface AdminActionState {
  done?: string;
  error?: string;
  /** Asked, not done: the form shows this and posts again with confirmed=yes (confirm-words.ts). */
  confirm?: { op: DestructiveOp["op"]; role?: Role; question: string; consequence: string };
}

const userId = z.string().min(1).max(64);
// Absent: ask first. Only the second post, from the confirmation, acts.
const confirmed = z.literal("yes").optional();
const formSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("disable"), userId, confirmed }),
  z.object({ op: z.literal("enable"), userId }),
  z.object({ op: z.literal("end_all"), userId, confirmed }),
  z.object({ op: z.literal("role"), userId, role: roleSchema, confirmed }),
  z.object({ op: z.literal("cancel"), userId }),
]);
type AdminForm = z.infer<typeof formSchema>;

const REFUSED: Record<Exclude<AdminActionResult, { ok: true }>["code"], string> = {
  user_not_found: "No such user.",
  cannot_disable_self: "You cannot disable yourself.",
  last_admin: "Refused: that would leave no active admin.",
};

function ended(result: { revokedSessions: number; revokedFamilies: number }): string {
  return `ended ${result.revokedSessions} session(s) and ${result.revokedFamilies} refresh famil${result.revokedFamilies === 1 ? "y" : "ies"}`;
}

function describeDone(form: Exclude<AdminForm, { op: "cancel" }>, result: Extract<AdminActionResult, { ok: true }>): string {
  switch (form.op) {
    case "disable":
      return `Disabled; ${ended(result)}.`;
    case "enable":
      return "Enabled.";
    case "role":
      return `Role set to ${form.role}.`;
    case "end_all":
      return `Logged out everywhere: ${ended(result)}.`;
  }
}

export async function adminUserAction(_previous: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const gate = await gateAdminAction();
  if (!gate.ok) return { error: gate.error };
  const parsed = formSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "That request was malformed." };
  const form = parsed.data;
  if (form.op === "cancel") return {};
  if (form.op !== "enable" && form.confirmed !== "yes") {
    const user = await findUserForAdmin(form.userId, new Date());
    if (!user) return { error: REFUSED.user_not_found };
    const action: DestructiveOp = form.op === "role" ? { op: "role", role: form.role } : { op: form.op };
    return {
      confirm: { op: form.op, role: form.op === "role" ? form.role : undefined, question: confirmQuestion(action, user.email), consequence: confirmConsequence(action, getConfig()) },
    };
  }
  const { actor } = gate;
  const now = new Date();
  const result =
    form.op === "disable" ? await adminDisableUser(actor, form.userId, now)
    : form.op === "enable" ? await adminEnableUser(actor, form.userId, now)
    : form.op === "role" ? await adminSetRole(actor, form.userId, form.role, now)
    : await adminEndEverything(actor, form.userId, now);
  if (!result.ok) return { error: REFUSED[result.code] };
  revalidatePath("/admin", "layout");
  return { done: describeDone(form, result) };
}
