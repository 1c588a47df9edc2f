"use server";

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isProduction } from "@/lib/env";
import { mintThrowawayAccessToken } from "@/lib/labs/cross-origin/start";
import { HTTPONLY_COOKIE, LAB_COOKIE_PATH, READABLE_COOKIE } from "@/lib/labs/storage/victim-page";
import { labsEnabled } from "@/lib/labs/enabled";
import { paceLabRun } from "@/lib/labs/pacing";
import { verifyLabStarter } from "@/lib/labs/starter";

/**
 * "Open the vulnerable page": a throwaway user's token, kept the three ways the lab compares.
 * The cookies are scoped to the lab's own path and strict same-site, and live ten minutes.
 */
export async function openStorageLabAction(): Promise<void> {
  if (!labsEnabled()) notFound();
  const starter = await verifyLabStarter();
  if (!starter) redirect("/labs/storage?error=login_required");
  // Paced like every lab run: each opening makes a throwaway user.
  const paced = await paceLabRun(starter.userId, () => mintThrowawayAccessToken(new Date(), "storage"));
  if (!paced.ran) redirect(`/labs/storage?error=labs_busy&retry=${paced.retryAfterSeconds}`);
  const token = paced.value;
  const store = await cookies();
  const base = { path: LAB_COOKIE_PATH, sameSite: "strict" as const, secure: isProduction(), maxAge: 600 };
  store.set(READABLE_COOKIE, token, { ...base, httpOnly: false });
  store.set(HTTPONLY_COOKIE, token, { ...base, httpOnly: true });
  redirect(`${LAB_COOKIE_PATH}/victim#token=${encodeURIComponent(token)}`);
}
