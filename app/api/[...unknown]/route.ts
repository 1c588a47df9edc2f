import { apiRoute, jsonError } from "@/lib/http/json";

/** Any /api path that is not an endpoint: the API's own error shape, not an HTML page. */
const notAnEndpoint = apiRoute(async () => jsonError(404, "not_found", "No such endpoint."));

export const GET = notAnEndpoint;
export const POST = notAnEndpoint;
export const PUT = notAnEndpoint;
export const PATCH = notAnEndpoint;
export const DELETE = notAnEndpoint;
