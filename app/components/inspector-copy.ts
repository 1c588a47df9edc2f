import type { AuthMode } from "@/lib/auth/types";
import { touchIntervalPhrase } from "./touch-interval";

/** Plain words for the inspector: what the countdown counts to, and what a thief gets. */
export const inspectorCopy: Record<AuthMode, { countdown: string; countdownNote: (touchIntervalSeconds: number) => string; ifStolen: string[] }> = {
  session: {
    countdown: "Until the idle timeout",
    countdownNote: (touchIntervalSeconds) =>
      `Every request pushes it back (the row's last-seen time, written ${touchIntervalPhrase(touchIntervalSeconds)}), never past the absolute lifetime.`,
    ifStolen: [
      "Reading it tells them almost nothing: it is encrypted and authenticated, and inside is only a random id — no user, no role. Only the seal's own expiry stamp (the number before the MAC) is in the clear.",
      "Presenting it makes them you, from any browser, for as long as the row exists.",
      "Logging out deletes the row, and so does revoking it or changing the password from another device (this session is the one a password change keeps): the copy is then refused on its very next request, because every check reads that row.",
    ],
  },
  jwt: {
    countdown: "Until exp",
    countdownNote: () => "Fixed when the token was signed; nothing the server does can move it. A refresh mints a new token with a new exp.",
    ifStolen: [
      "Reading it needs no key: they learn your user id, role, the token's id (jti), its refresh family and its expiry: the whole payload.",
      "Presenting it makes them you until exp, at this app and at every service that trusts the signing key.",
      "Logging out puts its jti on this app's denylist, so this app refuses the copy at once (unless JWT_REVOCATION_CHECK=none); a service that checks only the signature keeps accepting it until exp.",
      "The refresh token that renews it lives in a second cookie scoped to /api/jwt: this page never receives it, and neither does page JavaScript.",
    ],
  },
};
