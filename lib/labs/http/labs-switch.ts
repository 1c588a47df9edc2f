import "server-only";

import { labsEnabled } from "../enabled.ts";
import { jsonError } from "../../http/json.ts";

/**
 * LABS_ENABLED for the labs' endpoints (/api/labs/*, /api/downstream/*): switched off, they
 * do not exist as far as any client can tell. No database behind this import, so the
 * downstream stand-ins stay as database-free as they claim.
 */
export function labsOnly<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return (...args: A): Promise<Response> => (labsEnabled() ? handler(...args) : Promise.resolve(notFound()));
}

export function notFound(): Response {
  return jsonError(404, "not_found", "No such endpoint.");
}
