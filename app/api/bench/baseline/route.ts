import { json, apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { BENCH_SAMPLE } from "../sample.ts";

/**
 * Our uncredentialed answer, for `npm run bench:http` (scripts/bench/http/main.ts): the same
 * response shape and size as the session `/api/session/me` answer, through the same path as
 * every API route (proxy.ts, `apiRoute`, `json`), but with no credential check at all.
 * Divided by /api/bench/floor it is what our own request path costs; each /me divided by it is
 * what authentication costs. Public and harmless: the values are constants.
 */

// Rendered per request like /me (no static caching), or the comparison would be unfair.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => json(BENCH_SAMPLE));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
