import type { FlowStep } from "./flow-types";

/**
 * Signing in with a passkey: one ceremony for both modes (lib/auth/methods/passkey/). The mode
 * enters only at the end, in completeSignIn, where the login diagrams' own steps take over.
 */
export const passkeySignInSteps: FlowStep[] = [
  {
    from: "browser", to: "server", label: "POST /api/passkeys/sign-in/options",
    text: "Either mode's login page asks for a challenge; the request says nothing about the mode yet.", code: "lib/http/passkey-api.ts",
  },
  {
    from: "server", to: "redis", access: "write", label: "remember the challenge (2 min)",
    text: "Kept in the shared state, so the instance that verifies need not be the one that asked.", code: "lib/auth/methods/passkey/challenges.ts",
  },
  { from: "server", to: "browser", reply: true, label: "challenge, RP ID, UV required", text: "No allowCredentials: the authenticator offers its resident keys for this RP ID." },
  {
    from: "browser", to: "browser", label: "authenticator signs (PIN, biometric)",
    text: "The private key never leaves the authenticator; it signs the challenge, the origin and its counter.", code: "app/components/passkey-client.ts",
  },
  { from: "browser", to: "server", label: "POST assertion + mode", text: "The signed answer, and which credential to issue afterwards." },
  {
    from: "server", to: "redis", access: "write", label: "take the challenge, once",
    text: "An atomic counter: the first take wins; a replayed answer is 400 challenge_used, an expired one 400 challenge_expired.",
    code: "lib/auth/methods/passkey/challenges.ts takeChallenge",
  },
  { from: "server", to: "database", access: "read", label: "SELECT passkey by credential id", text: "Its public key, counter and owner; the user handle must name the same owner.", code: "lib/auth/methods/passkey/store.ts" },
  {
    from: "server", to: "server", label: "verify signature, origin, RP ID, UV",
    text: "@simplewebauthn/server; a counter that did not grow means a cloned authenticator: 401 passkey_counter_regressed.",
    code: "lib/auth/methods/passkey/ceremonies.ts verifyAssertion",
  },
  {
    from: "server", to: "database", access: "write", label: "UPDATE counter WHERE counter = seen",
    text: "Compare-and-set: of two answers racing with one counter value, one wins.", code: "lib/auth/methods/passkey/store.ts advancePasskeyCounter",
  },
  {
    from: "server", to: "server", label: "completeSignIn(mode, user)",
    text: "From here it is the mode's login, exactly as in the login diagrams above: a Session row or a refresh family, the cookies, the replaced login ended.",
    code: "lib/auth/methods/complete-sign-in.ts",
  },
  { from: "server", to: "browser", reply: true, label: "the mode's cookies", text: "The same credential a password login would have given." },
];
