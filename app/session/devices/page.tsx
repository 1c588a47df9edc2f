import type { Metadata } from "next";
import { logoutEverywhereAction, logoutOtherDevicesAction, revokeDeviceAction } from "@/app/actions/devices";
import { LogoutListener } from "@/app/components/CrossTabLogout";
import { requireUser } from "@/lib/auth/dal";
import { listDevices } from "@/lib/auth/devices";
import type { DeviceView } from "@/lib/auth/types";
import { LocalTime } from "@/app/components/LocalTime";
import { getConfig } from "@/lib/env";
import { describeUserAgent } from "@/lib/format/user-agent";
import { addressSourceWords } from "./address-words";

export const metadata: Metadata = { title: "Your devices" };

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

function DeviceItem({ device }: { device: DeviceView }) {
  // The header is the client's own claim: a name a person recognises, the raw string on hover.
  const name = describeUserAgent(device.userAgent).label;
  return (
    <li aria-label={device.current ? "This device" : `Session from ${name}`} className="flex flex-wrap items-center justify-between gap-4 p-4">
      <div className="min-w-0 text-sm">
        {device.current ? <span className="rounded bg-session-soft px-1.5 py-0.5 text-xs text-session">this device</span> : null}
        <p className="truncate font-medium" title={device.userAgent ?? undefined}>
          {name}
        </p>
        <p className="text-slate-500">
          IP {device.ip ?? "unknown (see below)"} · signed in <LocalTime at={device.createdAt} /> · last seen <LocalTime at={device.lastSeenAt} />
        </p>
      </div>
      <form action={revokeDeviceAction}>
        <input type="hidden" name="id" value={device.id} />
        <button type="submit" className={button}>
          {device.current ? "Log out this device" : "Revoke"}
        </button>
      </form>
    </li>
  );
}

export default async function DevicesPage(): Promise<React.ReactNode> {
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
          <DeviceItem key={device.id} device={device} />
        ))}
      </ul>
      <p className="max-w-3xl text-xs text-slate-500">{addressSourceWords(getConfig().TRUST_PROXY)}</p>
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
