"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/dal";
import { endAllDevices, endDevice } from "@/lib/auth/devices";

/** The devices page's buttons. Each re-checks the session: a form post is a request like any other. */

export async function revokeDeviceAction(form: FormData): Promise<void> {
  const principal = await requireUser("session");
  const id = form.get("id");
  if (typeof id !== "string") return;
  const outcome = await endDevice(principal, id);
  if (outcome.ok && outcome.wasCurrent) redirect("/session/login?signedOut=1");
  revalidatePath("/session/devices");
}

export async function logoutOtherDevicesAction(): Promise<void> {
  const principal = await requireUser("session");
  await endAllDevices(principal, { keepCurrent: true, now: new Date() });
  revalidatePath("/session/devices");
}

export async function logoutEverywhereAction(): Promise<void> {
  const principal = await requireUser("session");
  await endAllDevices(principal, { keepCurrent: false, now: new Date() });
  redirect("/session/login?signedOut=1");
}
