import { jsonError } from "./responses.ts";

/**
 * Two client mistakes Next answers with a bare 500 before any handler of ours runs (an undecodable
 * path, TRACE), answered here with a 4xx in the API's envelope (docs/API.md). No database behind
 * this import: the proxy must stay optimistic and cheap.
 */

/** The methods Next's route handlers can be called with (and so the most any route allows). */
const ROUTABLE_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

export function refuseUnroutableApiRequest(method: string, rawPathname: string): Response | null {
  if (!ROUTABLE_METHODS.includes(method)) {
    // RFC 9110 §15.5.6: a 405 names what the target does support.
    const response = jsonError(405, "method_not_allowed", "This method is not supported here.");
    response.headers.set("Allow", ROUTABLE_METHODS.join(", "));
    return response;
  }
  if (!isDecodablePath(rawPathname)) return jsonError(400, "malformed_path", "The path is not valid percent-encoded UTF-8.");
  return null;
}

/** Pages have dynamic segments too (`/admin/users/[id]`): proxy.ts refuses those paths as well. */
export function isDecodablePath(rawPathname: string): boolean {
  try {
    decodeURIComponent(rawPathname);
    return true;
  } catch {
    return false;
  }
}
