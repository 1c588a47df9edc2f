import type { Metadata } from "next";
import { logoutEverywhereAction, logoutOtherDevicesAction, revokeDeviceAction } from "@/app/actions/devices";
import { LogoutListener } from "@/app/components/CrossTabLogout";
import { requireUser } from "@/lib/auth/dal";
import { listDevices } from "@/lib/auth/devices";

export const metadata: Metadata = { title: "Your devices" };

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

export default async function DevicesPage() {
  const principal = await requireUser("session");
  const list = await listDevices(principal, new Date());
  const devices = list.ok ? list.devices : [];
  return (
    <div className="space-y-6">
      <LogoutListener mode="session" />
      <div>
        <h1 className="text-2xl font-semibold">Your devices</h1>
        <p className="text-sm text-slate-600">
          Every login is a row in the Session table, so every login can be listed — and ended on its very next request.
        </p>
      </div>
      <ul aria-label="Sessions" className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {devices.map((device) => (
          <li key={device.id} aria-label={device.current ? "This device" : `Session from ${device.userAgent ?? "unknown browser"}`} className="flex flex-wrap items-center justify-between gap-4 p-4">
            <div className="min-w-0 text-sm">
              {device.current ? <span className="rounded bg-session-soft px-1.5 py-0.5 text-xs text-session">this device</span> : null}
              <p className="truncate font-medium" title={device.userAgent ?? undefined}>
                {device.userAgent ?? "Unknown browser"}
              </p>
              <p className="text-slate-500">
                IP {device.ip ?? "unknown"} · signed in <time dateTime={device.createdAt}>{device.createdAt}</time> · last seen{" "}
                <time dateTime={device.lastSeenAt}>{device.lastSeenAt}</time>
              </p>
            </div>
            <form action={revokeDeviceAction}>
              <input type="hidden" name="id" value={device.id} />
              <button type="submit" className={button}>
                {device.current ? "Log out this device" : "Revoke"}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <form action={logoutOtherDevicesAction}>
          <button type="submit" className={button}>
            Log out everywhere else
          </button>
        </form>
        <form action={logoutEverywhereAction}>
          <button type="submit" className={button}>
            Log out everywhere
          </button>
        </form>
      </div>
    </div>
  );
}
