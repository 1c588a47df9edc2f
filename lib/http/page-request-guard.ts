import { isDecodablePath } from "./api-request-guard.ts";
import { refusalPage } from "./refusal-page.ts";

/**
 * A page path whose percent-encoding does not decode (`/admin/users/%E0%A4%A`) makes Next throw
 * while it decodes the dynamic segment, and it answers a bare `500 text/plain` without any of
 * our headers. It is the client's mistake: a 400 page with the security headers instead, the
 * same refusal the API gets in its own envelope (api-request-guard.ts).
 */
export function refuseMalformedPagePath(rawPathname: string): Response | null {
  if (isDecodablePath(rawPathname)) return null;
  return refusalPage(400, "This address is not valid", ["Its path is not valid percent-encoded UTF-8, so it names no page here.", 'Start again from the <a href="/">home page</a>.']);
}
