import "server-only";

import { hostname } from "node:os";
import { getConfig } from "./env.ts";

/** Which process this is: INSTANCE_NAME in a fleet, host and pid otherwise. */
export function instanceName(): string {
  return getConfig().INSTANCE_NAME ?? `${hostname()}-${process.pid}`;
}
