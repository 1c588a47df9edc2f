import { apiRoute, jsonError } from "@/lib/http/json";

/**
 * Any /api path that is not an endpoint: the API's own error shape, not an HTML page. Every
 * method Next routes, OPTIONS too (HEAD runs GET's): Next's automatic OPTIONS would answer 204
 * with an `Allow` naming all of these, as if the path existed.
 */
const notAnEndpoint = apiRoute(async () => jsonError(404, "not_found", "No such endpoint."));

export const GET = notAnEndpoint;
export const POST = notAnEndpoint;
export const PUT = notAnEndpoint;
export const PATCH = notAnEndpoint;
export const DELETE = notAnEndpoint;
export const OPTIONS = notAnEndpoint;
