import { redirect } from "next/navigation";
import { checkAdminAnyMode, type AdminGate } from "@/lib/admin/gate";
import { loginPath } from "@/lib/auth/next-path";

/** For the console's pages: an admin of either mode, a refusal to render, or off to the login. */
export async function gateAdminPage(here: string): Promise<Exclude<AdminGate, { kind: "anonymous" }>> {
  const gate = await checkAdminAnyMode();
  // Session mode's login by default; its page links to JWT mode's, and either lands back here.
  if (gate.kind === "anonymous") redirect(loginPath("session", here));
  return gate;
}
