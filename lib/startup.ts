import "server-only";

import { getConfig } from "./env.ts";
import { errorText, logEvent } from "./log.ts";

/**
 * Refuse to serve with a missing or weak secret. Throwing from Next's instrumentation hook
 * only makes every request fail with a 500 while the server keeps listening, so the process
 * exits instead: a deployment that forgot its secrets must not look "up".
 */
export function checkConfigAtStartup(exit: (code: number) => never = process.exit): void {
  try {
    getConfig();
  } catch (error) {
    logEvent("startup_refused", { error: errorText(error) }, "error");
    exit(1);
  }
}
