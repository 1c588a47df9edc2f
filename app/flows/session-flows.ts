import { touchIntervalPhrase } from "@/app/components/touch-interval";
import type { FlowKind, FlowStep } from "./flow-types";
import { downstreamTokenAfterLogoutSteps, downstreamVerifySteps, mintDownstreamStep, passwordCheckSteps, replayedCopySteps } from "./shared-steps";

/** Session mode, message by message, as lib/auth/session/* and the DAL do it, for the configured touch interval. */
export const sessionFlows = (touchIntervalSeconds: number): Record<FlowKind, FlowStep[]> => {
  const touch: FlowStep = {
    from: "server", to: "database", access: "sometimes", label: "UPDATE lastSeenAt (throttled)",
    text: `Slides the idle deadline — ${touchIntervalPhrase(touchIntervalSeconds)}${touchIntervalSeconds > 0 ? ", not once a request" : ""} (SESSION_TOUCH_INTERVAL_SECONDS).`,
    code: "session/store.ts touchSession",
  };
  const readRow: FlowStep = {
    from: "server", to: "database", access: "read", label: "SELECT session ⋈ user",
    text: "The row joined with its user, by the SHA-256 of the secret: one round-trip.", code: "session/store.ts findSessionWithUser",
  };
  return {
    login: [
      ...passwordCheckSteps("session"),
      { from: "server", to: "server", label: "new 256-bit secret", text: "A fresh random secret on every login (never one the client sent: no fixation); the row id is its SHA-256.", code: "lib/auth/session/ids.ts" },
      { from: "server", to: "database", access: "write", label: "INSERT Session row", text: "User, created, last seen, absolute expiry, user agent, IP.", code: "session/store.ts insertSession" },
      {
        from: "server", to: "database", access: "sometimes", label: "DELETE the replaced session",
        text: "Only when this browser still held an older session: it is ended server-side, not left to expire.", code: "lib/auth/methods/complete-sign-in.ts",
      },
      { from: "server", to: "browser", reply: true, label: "Set-Cookie: sealed id", text: "iron-session seals the secret; the httpOnly cookie holds that and nothing else.", code: "session/seal.ts" },
    ],
    request: [
      { from: "browser", to: "proxy", label: "GET /session/dashboard + cookie", text: "Any protected page; the cookie rides along." },
      { from: "proxy", to: "proxy", label: "unseal (crypto only)", text: "Memoised per seal. No cookie, or one that does not unseal → a redirect to the login page.", code: "proxy.ts, auth/session/edge.ts" },
      { from: "proxy", to: "server", label: "pass on (+ CSP nonce)", text: "The proxy is optimistic: a revoked session still gets through to here.", code: "proxy.ts" },
      { from: "server", to: "server", label: "verifyAuth(\"session\")", text: "The DAL: once per request, however many components ask.", code: "lib/auth/dal.ts" },
      readRow,
      { from: "server", to: "server", label: "judge timeouts, disabled", text: "Idle and absolute timeouts and the user's disabled flag. No row → refused.", code: "session/rules.ts judgeSession" },
      touch,
      { from: "server", to: "browser", reply: true, label: "the page", text: "A deleted row would have meant a refusal right here." },
    ],
    refresh: [
      { from: "browser", to: "server", label: "any request, same cookie", text: "Nothing to refresh: the same cookie serves until logout, the idle timeout or the absolute lifetime." },
      readRow,
      touch,
      { from: "server", to: "browser", reply: true, label: "no new cookie", text: "The seal never changes; only the row's lastSeenAt moves." },
    ],
    logout: [
      { from: "browser", to: "server", label: "POST logout + cookie", text: "The logout form, or POST /api/session/logout." },
      { from: "server", to: "server", label: "unseal → row id", text: "The secret inside the seal names the row.", code: "session/strategy.ts signOut" },
      { from: "server", to: "database", access: "write", label: "DELETE Session row", text: "The revocation itself: nothing else is needed.", code: "session/store.ts deleteSession" },
      { from: "server", to: "browser", reply: true, label: "clear cookie (Max-Age=0)", text: "Other tabs of this mode are told through BroadcastChannel and leave at once.", code: "app/components/CrossTabLogout.tsx" },
      ...replayedCopySteps("cookie", { label: "SELECT: no such row", text: "The row is gone, so the copy is refused on its very next request.", code: "session/store.ts findSessionWithUser" }),
      ...downstreamTokenAfterLogoutSteps,
    ],
    downstream: [
      { from: "browser", to: "server", label: "\"Call the downstream service\"", text: "The session dashboard's button (a Server Action), with the session cookie; API clients POST /api/session/token.", code: "app/actions/downstream.ts" },
      { ...readRow, text: "The token exchange checks the session against its row first — the row itself, never a cached copy: a revoked session buys nothing.", code: "session/strategy.ts verifyForExchange" },
      mintDownstreamStep,
      { from: "server", to: "downstream", label: "GET /whoami, Bearer downstream token", text: "The app calls the other service with that token.", code: "lib/downstream/call.ts" },
      ...downstreamVerifySteps,
      { from: "downstream", to: "server", reply: true, label: "200 + the claims", text: "The session never left the app; only the one-hop token did." },
      { from: "server", to: "browser", reply: true, label: "the answer", text: "Shown on the dashboard." },
    ],
  };
};
