import type { LabId } from "./types.ts";

/** What each lab asks, for the index and the lab pages. No server imports: safe anywhere. */
export interface LabEntry {
  id: LabId;
  title: string;
  question: string;
  /** What one run does, in order. */
  scenario: string[];
}

export const labCatalog: Record<LabId, LabEntry> = {
  "stolen-credential": {
    id: "stolen-credential",
    title: "Stolen cookie after logout",
    question: "Someone copied the credential, and the token it was exchanged for to call another service. The user logs out. Does either copy still work — here, and at a service that only holds the key?",
    scenario: [
      "Log in as a throwaway user, copy the session cookie / access token.",
      "Use the copy (it works), exchange it for a downstream token (POST /api/<mode>/token) and copy that too, then log out through the API.",
      "Replay the copy at /api/<mode>/me and at /api/downstream/<mode>, and the downstream token at /api/downstream/jwt.",
    ],
  },
  tampering: {
    id: "tampering",
    title: "Tampering",
    question: "What happens to an edited, unsigned, expired or foreign credential?",
    scenario: [
      "Log in, and send the untouched credential as a control.",
      "JWT: role edited to admin, alg: none, expired (real key), signed with another key.",
      "Session: one character flipped, sealed with another password, a genuine seal of a made-up id.",
    ],
  },
  "stale-claims": {
    id: "stale-claims",
    title: "Stale claims",
    question: "An admin is demoted while logged in. Which role does each mode act on, and from when?",
    scenario: [
      "Log in as a throwaway admin in both modes.",
      "Demote the user in the database.",
      "Ask /me in both modes; then refresh the JWT and ask again, with the new token and the old one.",
    ],
  },
  "database-outage": {
    id: "database-outage",
    title: "Database outage",
    question: "The database goes away for a moment. Who stays logged in, and what does that cost?",
    scenario: [
      "Log in to both modes while the database is up.",
      "Make the database unreachable for the lab's own requests (at most 5 s; nobody else is affected) and ask /me in both modes.",
      "Put the database back and ask again.",
    ],
  },
  fleet: {
    id: "fleet",
    title: "Logout across a fleet",
    question: "Log in on one instance, log out on another: is the copied credential refused by every instance at once — and at a service that only has the JWKS?",
    scenario: [
      "Log in as a throwaway user on the first instance, copy the session cookie / access token, and the downstream token it is exchanged for.",
      "Log out on another instance.",
      "Replay the copy on every instance, and both copies at the downstream service (npm run downstream).",
    ],
  },
  "key-rotation": {
    id: "key-rotation",
    title: "Key rotation",
    question: "A signing key is rotated. Do tokens signed by the old key keep working until it retires, and does a JWKS-only verifier pick up the new key?",
    scenario: [
      "On a lab-private key set with a simulated clock: sign a token with the active key, then rotate (the new key is published, not signing).",
      "Advance the clock past the publish lead (the new key signs), then past the old key's retirement.",
      "At each point verify the old and new tokens as the app does (kid allowlist) and as a service holding only the published JWKS does (the downstream service's key lookup).",
    ],
  },
  "sticky-sessions": {
    id: "sticky-sessions",
    title: "Sticky sessions",
    question: "Sessions kept in one instance's memory need the balancer to pin each user there. What happens to that user when the instance dies — and to one whose session is in the shared database?",
    scenario: [
      "Through the balancer, log in to a toy in-memory session store: HAProxy pins the browser to the instance that answered (cookie SERVERID). Log in to session mode (the shared database store) and JWT mode too.",
      "Ask for the user with each credential through the same pin: every answer comes from the pinned instance.",
      "Crash the pinned instance for the lab's backend only, wait for the balancer to notice, and ask again: the other instance answers.",
    ],
  },
};
