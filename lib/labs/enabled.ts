import "server-only";

import { getConfig } from "../env.ts";

/** LABS_ENABLED when set; otherwise on for the local demo (DEMO_MODE) and off elsewhere. */
export function labsEnabled(): boolean {
  const config = getConfig();
  return config.LABS_ENABLED ?? config.DEMO_MODE;
}

/**
 * The labs talk to this very server over loopback. The origin is never derived from Host or
 * X-Forwarded-Host: those are the client's to choose, and a lab run sends credentials of a
 * throwaway user to wherever it points. Next sets PORT to the port it listens on.
 */
export function labOrigin(): string {
  const config = getConfig();
  return config.LABS_ORIGIN?.replace(/\/$/, "") ?? `http://127.0.0.1:${config.PORT}`;
}
