import "server-only";

import { strategies } from "./registry.ts";
import { signOutCredential } from "./sign-out.ts";
import type { DeviceView, Principal } from "./types.ts";

/**
 * Device management, written once for the devices page's actions and the JSON API: both ask
 * the mode (AuthStrategy.devices / endAllForUser) and never its store.
 */

export type DeviceList = { ok: true; devices: DeviceView[] } | { ok: false; code: "devices_unsupported" };

export async function listDevices(principal: Principal, now: Date): Promise<DeviceList> {
  const registry = strategies[principal.mode].devices;
  if (!registry) return { ok: false, code: "devices_unsupported" };
  return { ok: true, devices: await registry.list(principal.userId, principal.handles, now) };
}

export type EndDeviceOutcome = { ok: true; wasCurrent: boolean } | { ok: false; code: "device_not_found" | "devices_unsupported" };

/** Ending this very login also clears its cookies: the caller then sends the user to login. */
export async function endDevice(principal: Principal, deviceId: string): Promise<EndDeviceOutcome> {
  const registry = strategies[principal.mode].devices;
  if (!registry) return { ok: false, code: "devices_unsupported" };
  const outcome = await registry.end(principal.userId, deviceId, principal.handles);
  if (outcome === "not_found") return { ok: false, code: "device_not_found" };
  if (outcome === "ended_current") await signOutCredential(principal.mode, null);
  return { ok: true, wasCurrent: outcome === "ended_current" };
}

/** Every login of this user in the principal's mode; this one too unless `keepCurrent`. */
export async function endAllDevices(principal: Principal, options: { keepCurrent: boolean; now: Date }): Promise<number> {
  const except = options.keepCurrent ? principal.handles : undefined;
  const ended = await strategies[principal.mode].endAllForUser(principal.userId, { except, reason: "logout_everywhere", now: options.now });
  if (!options.keepCurrent) await signOutCredential(principal.mode, null);
  return ended;
}
