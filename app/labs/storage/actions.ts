"use server";

import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { verifyAuth } from "@/lib/auth/dal";
import { isProduction } from "@/lib/env";
import { mintThrowawayAccessToken } from "@/lib/labs/browser/cross-origin";
import { HTTPONLY_COOKIE, LAB_COOKIE_PATH, READABLE_COOKIE } from "@/lib/labs/browser/storage-page";
import { labsEnabled } from "@/lib/labs/enabled";

/**
 * "Open the vulnerable page": a throwaway user's token, kept the three ways the lab compares.
 * The cookies are scoped to the lab's own path and strict same-site, and live ten minutes.
 */
export async function openStorageLabAction(): Promise<void> {
  if (!labsEnabled()) notFound();
  const logged = (await verifyAuth("session")).ok || (await verifyAuth("jwt")).ok;
  if (!logged) redirect("/labs/storage?error=login_required");
  const token = await mintThrowawayAccessToken(new Date(), "storage");
  const store = await cookies();
  const base = { path: LAB_COOKIE_PATH, sameSite: "strict" as const, secure: isProduction(), maxAge: 600 };
  store.set(READABLE_COOKIE, token, { ...base, httpOnly: false });
  store.set(HTTPONLY_COOKIE, token, { ...base, httpOnly: true });
  redirect(`${LAB_COOKIE_PATH}/victim#token=${encodeURIComponent(token)}`);
}
