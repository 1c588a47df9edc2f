import { recoveryPath as jwtRecoveryPath } from "./jwt/edge.ts";
import { recoveryPath as sessionRecoveryPath } from "./session/edge.ts";
import type { AuthMode } from "./types.ts";

/**
 * Each mode's database-free half, by name, for proxy.ts: only the modes' edge.ts files are
 * imported here, never a strategy (which reaches the database).
 */
export const edgeHalves: Record<AuthMode, { recoveryPath(next: string | null): string }> = {
  session: { recoveryPath: sessionRecoveryPath },
  jwt: { recoveryPath: jwtRecoveryPath },
};
