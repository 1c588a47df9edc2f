import { touchIntervalPhrase } from "@/app/components/touch-interval";
import type { FlowKind, FlowStep } from "./flow-types";

/** Session mode, step by step, as lib/auth/session/* and the DAL do it, for the configured touch interval. */
export const sessionFlows = (touchIntervalSeconds: number): Record<FlowKind, FlowStep[]> => ({
  login: [
    { lane: "browser", text: "Submits e-mail and password (the form's Server Action, or POST /api/session/login).", code: "app/actions/auth.ts" },
    { lane: "database", db: "read", text: "Reads the user by e-mail; argon2id checks the password (unknown users take the same time).", code: "lib/users.ts" },
    { lane: "server", text: "Draws a 256-bit random secret; the row id is its SHA-256.", code: "lib/auth/session/ids.ts" },
    { lane: "database", db: "write", text: "Inserts the Session row: user, created, last seen, absolute expiry, user agent, IP.", code: "session/store.ts insertSession" },
    { lane: "server", text: "Seals the secret with iron-session and sets the httpOnly cookie.", code: "session/seal.ts, auth/request.ts" },
    { lane: "browser", text: "Holds the sealed id, and nothing else." },
  ],
  request: [
    { lane: "browser", text: "Sends the cookie with the page request." },
    { lane: "proxy", text: "Unseals it (crypto only, memoised per seal). No seal → the login page.", code: "proxy.ts, auth/session/edge.ts" },
    { lane: "server", text: "verifyAuth(\"session\"): once per request, however many components ask.", code: "lib/auth/dal.ts" },
    { lane: "database", db: "read", text: "Reads the row joined with its user, by SHA-256 of the secret: one round-trip.", code: "session/store.ts findSessionWithUser" },
    { lane: "server", text: "Judges idle and absolute timeouts and the user's disabled flag.", code: "session/rules.ts" },
    {
      lane: "database",
      db: "sometimes",
      text: `Writes lastSeenAt — ${touchIntervalPhrase(touchIntervalSeconds)}${touchIntervalSeconds > 0 ? ", not once a request" : ""}.`,
      code: "session/store.ts touchSession",
    },
    { lane: "browser", text: "Gets the page. A deleted row means a refusal right here." },
  ],
  refresh: [
    { lane: "browser", text: "Nothing to refresh: the same cookie serves until logout, the idle timeout or the absolute lifetime." },
    { lane: "database", db: "sometimes", text: "The throttled lastSeenAt write on ordinary requests is what slides the idle deadline.", code: "session/rules.ts judgeSession" },
  ],
  logout: [
    { lane: "browser", text: "Posts the logout form (or POST /api/session/logout) with the cookie." },
    { lane: "server", text: "Unseals the cookie to find the secret, hence the row id.", code: "session/strategy.ts signOut" },
    { lane: "database", db: "write", text: "Deletes the Session row.", code: "session/store.ts deleteSession" },
    { lane: "server", text: "Clears the cookie (Max-Age=0); other tabs are told through BroadcastChannel." },
    { lane: "browser", text: "A copy of the cookie kept elsewhere is refused on its very next request: its row is gone." },
  ],
});
