import { BENCH_SAMPLE } from "../sample.ts";

/**
 * The framework's floor, for `npm run bench:http`: a bare Next.js route handler sending the
 * same JSON as /api/bench/baseline, with nothing of ours around it — proxy.ts's matcher and
 * next.config.ts's headers skip this path, and there is no `apiRoute` (no metrics, no
 * envelope). No request can make it do anything else: the body is a constant, so neither the
 * host allowlist nor the security headers have anything to protect here. Nor the refusals every
 * other route exports (lib/http/method-refusal.ts): a POST here gets Next's bare 405, without
 * `Allow` — the one route app/api/route-methods.test.ts lets off.
 */

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(BENCH_SAMPLE, { headers: { "Cache-Control": "no-store" } });
}
