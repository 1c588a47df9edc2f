"use server";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { verifyAuth } from "@/lib/auth/dal";
import { startCrossOriginLab } from "@/lib/labs/browser/cross-origin";
import { labsEnabled } from "@/lib/labs/enabled";

/**
 * "Open the other origin": needs a session-mode login in this browser (the cookie whose fate
 * the lab observes), then sends the browser to the same page under the other loopback name.
 */
export async function openOtherOriginAction(): Promise<void> {
  if (!labsEnabled()) notFound();
  if (!(await verifyAuth("session")).ok) redirect("/labs/cross-origin?error=login_required");
  const started = await startCrossOriginLab((await headers()).get("host"), new Date());
  if (!started.ok) redirect(`/labs/cross-origin?error=${started.code}`);
  redirect(started.url);
}
