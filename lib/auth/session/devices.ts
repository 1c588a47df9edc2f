import "server-only";

import type { DeviceRegistry } from "../types.ts";
import { deviceView } from "./device-view.ts";
import { recordEndReasons } from "./end-reasons.ts";
import { deleteUserSession, listUserSessions } from "./store.ts";

/** Every login is a row, so every login can be listed and ended on its very next request. */
export const sessionDevices: DeviceRegistry = {
  async list(userId, current, now) {
    return (await listUserSessions(userId, now)).map((row) => deviceView(row, current));
  },

  async end(userId, deviceId, current) {
    if (deviceId.length > 128 || !(await deleteUserSession(userId, deviceId))) return "not_found";
    // Ending the current one is the holder's own logout: its cookie is cleared, no notice needed.
    if (deviceId !== current.sessionId) await recordEndReasons([deviceId], "device_ended");
    return deviceId === current.sessionId ? "ended_current" : "ended";
  },
};
