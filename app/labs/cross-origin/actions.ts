"use server";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { verifyAuth } from "@/lib/auth/dal";
import { startCrossOriginLab } from "@/lib/labs/cross-origin/start";
import { labsEnabled } from "@/lib/labs/enabled";
import { paceLabRun } from "@/lib/labs/pacing";

/**
 * "Open the other origin": needs a session-mode login in this browser (the cookie whose fate
 * the lab observes), then sends the browser to the same page under the other loopback name.
 */
export async function openOtherOriginAction(): Promise<void> {
  if (!labsEnabled()) notFound();
  const session = await verifyAuth("session");
  if (!session.ok) redirect("/labs/cross-origin?error=login_required");
  // Paced like every lab run: each opening makes a throwaway user. A refusal (not loopback)
  // made nothing, so it gives its charge back.
  const host = (await headers()).get("host");
  const paced = await paceLabRun(session.principal.userId, () => startCrossOriginLab(host, new Date()), (started) => !started.ok);
  if (!paced.ran) redirect(`/labs/cross-origin?error=labs_busy&retry=${paced.retryAfterSeconds}`);
  if (!paced.value.ok) redirect(`/labs/cross-origin?error=${paced.value.code}`);
  redirect(paced.value.url);
}
