import "server-only";

import type { DeviceView, Principal } from "../types.ts";
import type { DeviceRow } from "./store.ts";

/** One row of the devices list, as the page and the API show it. */
export function deviceView(row: DeviceRow, current: Principal["handles"]): DeviceView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    ip: row.ip,
    current: row.id === current.sessionId,
  };
}
