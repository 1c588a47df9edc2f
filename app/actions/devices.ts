"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/dal";
import { signOutCurrent } from "@/lib/auth/sign-in";
import { deleteUserSession, deleteUserSessions } from "@/lib/auth/session/store";

/** The devices page's buttons. Each re-checks the session: a form post is a request like any other. */

export async function revokeDeviceAction(form: FormData): Promise<void> {
  const principal = await requireUser("session");
  const id = form.get("id");
  if (typeof id !== "string" || id.length > 128) return;
  if (id === principal.handles.sessionId) {
    await signOutCurrent("session");
    redirect("/session/login?signedOut=1");
  }
  await deleteUserSession(principal.userId, id);
  revalidatePath("/session/devices");
}

export async function logoutOtherDevicesAction(): Promise<void> {
  const principal = await requireUser("session");
  await deleteUserSessions(principal.userId, principal.handles.sessionId);
  revalidatePath("/session/devices");
}

export async function logoutEverywhereAction(): Promise<void> {
  const principal = await requireUser("session");
  await deleteUserSessions(principal.userId);
  await signOutCurrent("session");
  redirect("/session/login?signedOut=1");
}
