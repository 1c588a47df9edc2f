import "server-only";

import type { DeviceRegistry } from "../types.ts";
import { deviceView } from "./device-view.ts";
import { deleteUserSession, listUserSessions } from "./store.ts";

/** Every login is a row, so every login can be listed and ended on its very next request. */
export const sessionDevices: DeviceRegistry = {
  async list(userId, current, now) {
    return (await listUserSessions(userId, now)).map((row) => deviceView(row, current));
  },

  async end(userId, deviceId, current) {
    if (deviceId.length > 128 || !(await deleteUserSession(userId, deviceId))) return "not_found";
    return deviceId === current.sessionId ? "ended_current" : "ended";
  },
};
