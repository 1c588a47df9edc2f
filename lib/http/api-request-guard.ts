import { jsonError } from "./responses.ts";

/**
 * A client mistake Next answers with a bare 500 before any handler of ours runs: an /api path
 * whose percent-encoding does not decode (Next throws decoding a dynamic segment, and every /api
 * path has one: the catch-all). proxy.ts answers it first with a 4xx in the API's envelope
 * (docs/API.md); its matcher sends it only /api paths with a percent sign. No database behind
 * this import: the proxy must stay optimistic and cheap.
 */
export function refuseMalformedApiPath(rawPathname: string): Response | null {
  if (isDecodablePath(rawPathname)) return null;
  return jsonError(400, "malformed_path", "The path is not valid percent-encoded UTF-8.");
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
