import "server-only";

import { registerCoreHooks } from "../core-hooks.ts";
import { isLabUserId } from "./lab-user-id.ts";
import { runInLabOutageIfMarked } from "./database-outage/scope.ts";

/**
 * What the labs hook into the core (lib/core-hooks.ts), registered once at start-up by
 * instrumentation.ts: their throwaway users' checks count as lab traffic in the metrics, and a
 * request carrying an open outage's secret (and only such a request) sees the outage lab's
 * unreachable database. Registered whether or not LABS_ENABLED is set, as before the seam:
 * with the labs off no lab user exists and no outage opens, so neither hook ever fires.
 */
export function registerLabHooks(): () => void {
  return registerCoreHooks("labs", { isDemonstrationUser: isLabUserId, aroundApiRequest: runInLabOutageIfMarked });
}
