/**
 * Ids that arrive in a URL path: ours are UUIDs (users) or base64url hashes (sessions), so
 * anything else names nothing and is answered as "not found" before it reaches the database —
 * where a NUL byte, for one, is a PostgreSQL encoding error (22021) rather than a miss (found
 * by the fuzz suite on PostgreSQL).
 */
export function isPlausibleId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,128}$/.test(value);
}
