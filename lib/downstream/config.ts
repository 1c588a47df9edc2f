import { z } from "zod";
import { JWKS_MAX_AGE_SECONDS as JWKS_REFRESH_SECONDS } from "../auth/jwt/keys/timeline.ts";

/**
 * The downstream service's own configuration. It is a separate program with no database and no
 * secret, so it does not use lib/env.ts (which requires the app's secrets); it reads only these.
 */

const schema = z.object({
  DOWNSTREAM_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  DOWNSTREAM_HOST: z.string().min(1).default("127.0.0.1"),
  /** The one source of keys it trusts; never a URL a token names (jku/x5u). */
  JWKS_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000/.well-known/jwks.json"),
  DOWNSTREAM_AUDIENCE: z.string().min(1).default("session-vs-jwt:downstream"),
  JWT_ISSUER: z.string().min(1).default("session-vs-jwt"),
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(60).default(15),
  /**
   * How long after its fetch a JWKS that cannot be refreshed (the app unreachable) is still
   * trusted; past it, 503 jwks_stale. Also how long a key retired at the app can keep verifying
   * here while the app is down. At least the 60 s refresh interval.
   */
  DOWNSTREAM_JWKS_MAX_AGE_SECONDS: z.coerce.number().int().min(JWKS_REFRESH_SECONDS).max(24 * 3600).default(300),
});

export type DownstreamConfig = z.infer<typeof schema>;

export function parseDownstreamConfig(source: Record<string, string | undefined>): DownstreamConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid downstream configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}
