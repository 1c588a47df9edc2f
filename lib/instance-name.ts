import "server-only";

import { randomBytes } from "node:crypto";
import { getConfig } from "./env.ts";
import { processLocal } from "./state/process-local.ts";

/**
 * Which process this is: INSTANCE_NAME in a fleet, otherwise a random name made once per
 * process. Never the host name or the pid: /api/health answers anyone, and those tell an
 * attacker the machine's name and help line up what they see with other leaks; a random name
 * tells two processes apart just as well.
 */
export function instanceName(): string {
  return getConfig().INSTANCE_NAME ?? processLocal("instance:name", () => `process-${randomBytes(4).toString("hex")}`);
}
