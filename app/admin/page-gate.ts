import { forbidden, redirect } from "next/navigation";
import { auditActorFor } from "@/lib/admin/actor";
import { checkAdminAnyMode, type AdminGate } from "@/lib/admin/standing";
import type { AuditActor } from "@/lib/audit/log";
import { edges } from "@/lib/auth/edge-registry";
import { loginPath } from "@/lib/auth/next-path";

/**
 * For the console's pages: an admin of either mode, or off to the login, or a 403 rendered by
 * app/admin/forbidden.tsx (forbidden() throws, like redirect(), so the page renders nothing).
 */
export async function gateAdminPage(here: string): Promise<Extract<AdminGate, { kind: "admin" }>> {
  const gate = await checkAdminAnyMode();
  // A credential that was presented but refused goes to its own mode's recovery (JWT mode's is
  // a refresh, so an admin whose access token just expired comes straight back). Otherwise
  // session mode's login; its page links to JWT mode's, and either lands back here.
  if (gate.kind === "anonymous") redirect(gate.rejected ? edges[gate.rejected].recoveryPath(here) : loginPath("session", here));
  if (gate.kind === "forbidden") forbidden();
  return gate;
}

/**
 * For the console's server actions: the admin check again (a page render proves nothing about
 * the POST that follows it), and the audit trail's actor, or the message the form shows.
 */
export async function gateAdminAction(): Promise<{ ok: true; actor: AuditActor } | { ok: false; error: string }> {
  const gate = await checkAdminAnyMode();
  if (gate.kind === "anonymous") return { ok: false, error: "Your login has ended: log in again." };
  if (gate.kind === "forbidden") return { ok: false, error: "Admins only." };
  return { ok: true, actor: await auditActorFor(gate.principal) };
}
