import { processLocal } from "../../../state/process-local.ts";
import type { TokenKey } from "../token/token.ts";

/**
 * The public verification keys this process last loaded from the database, for proxy.ts's
 * optimistic peek, which must never reach the database itself. keys/key-set.ts (the full strategy
 * side) fills it on every load; until then it is null and the peek falls back to a
 * structural check — the DAL, which loads the keys, decides for real.
 * Per process (processLocal): the proxy and the route handlers can be separate bundles in one process.
 */

const edge = processLocal("jwt:edge-keys", (): { keys: readonly TokenKey[] | null } => ({ keys: null }));

export function publishEdgeVerificationKeys(keys: readonly TokenKey[]): void {
  edge.keys = keys;
}

export function edgeVerificationKeys(): readonly TokenKey[] | null {
  return edge.keys;
}
