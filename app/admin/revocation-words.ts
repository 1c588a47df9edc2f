import type { Config } from "@/lib/env";

/**
 * What /admin tells an admin about a disable or "log out everywhere", from the configuration
 * this server runs, not from a default it once had: with the default revocation check a
 * disabled user's access token is refused on its next request; only JWT_REVOCATION_CHECK=none
 * leaves issued access tokens working until they expire.
 */
export function endEverythingWords(config: Pick<Config, "JWT_REVOCATION_CHECK" | "JWT_ACCESS_TTL_SECONDS">): string {
  const ended = "Disabling a user or logging them out everywhere deletes their sessions and revokes their refresh families at once";
  if (config.JWT_REVOCATION_CHECK === "none") {
    const minutes = Math.ceil(config.JWT_ACCESS_TTL_SECONDS / 60);
    return `${ended}; this server skips the JWT revocation check (JWT_REVOCATION_CHECK=none), so access tokens already issued keep working until they expire (at most ${minutes} min).`;
  }
  return `${ended}, and their JWT access tokens are refused on the next request: this server's revocation check (JWT_REVOCATION_CHECK=denylist, the default) reads the account's state with every token.`;
}
