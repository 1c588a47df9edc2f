import { getConfig } from "../env.ts";

/** LABS_ENABLED: on for the local demo, off on a real deployment (.env.example says why). */
export function labsEnabled(): boolean {
  return getConfig().LABS_ENABLED;
}
