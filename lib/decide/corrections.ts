import type { Answers } from "./questions.ts";
import type { SourceId } from "./sources.ts";

/**
 * Where the common advice is too simple, and why — shown only when the reader's answers make
 * it relevant. Each correction cites published guidance and this site's own evidence.
 */

export interface Correction {
  id: "mobile-means-jwt" | "scale-means-jwt" | "blocklist-fixes-jwt" | "sessions-need-sticky";
  advice: string;
  correction: string;
  sources: SourceId[];
}

const CORRECTIONS: { when: (answers: Answers) => boolean; correction: Correction }[] = [
  {
    when: (answers) => answers.clients === "native",
    correction: {
      id: "mobile-means-jwt",
      advice: "“Mobile means JWT.”",
      correction:
        "A native app can hold an opaque session credential in the platform's secure storage and send it on every request just as well as a JWT; OWASP's session guidance applies to any bearer of a session id. What a JWT adds is verification by parties that cannot ask your store — a question about other services, not about phones. RFC 8252 has native apps use the system browser for sign-in, whatever credential they then hold.",
      sources: ["owasp:session", "rfc8252", "lab:stolen-credential"],
    },
  },
  {
    when: (answers) => answers.peakRps !== "1k" || answers.instances !== "one",
    correction: {
      id: "scale-means-jwt",
      advice: "“Scale means JWT.”",
      correction:
        "A JWT that can be revoked is checked against a store on every request, so it reads the database as often as a session does (measured here: one read per check in both modes with the default JWT_REVOCATION_CHECK=denylist). The read is what grows with load, and it can be cached without giving up revocation (SESSION_CACHE=push: warm checks read nothing, every revocation evicts on every instance before it returns). Only a JWT nobody can revoke saves the read for good; OWASP's JWT cheat sheet keeps its revocation list in storage, read on every request, for the same reason.",
      sources: ["owasp:jwt", "figure:db-reads", "figure:revocation-reach", "figure:scale"],
    },
  },
  {
    when: (answers) => answers.revocation !== "minutes",
    correction: {
      id: "blocklist-fixes-jwt",
      advice: "“A blocklist fixes JWT revocation.”",
      correction:
        "A denylist is a store read on every request — a session lookup under another name — and it only protects the services that read it. A service that verifies with the public keys alone still accepts a copied token until its exp: the stolen-credential lab replays one after logout to show it. OWASP's JWT cheat sheet keeps the denylist for explicit revocation and RFC 8725 asks for short lifetimes and per-recipient audiences; here each service gets its own ≤ 60 s token.",
      sources: ["owasp:jwt", "rfc8725", "lab:stolen-credential"],
    },
  },
  {
    when: (answers) => answers.instances !== "one",
    correction: {
      id: "sessions-need-sticky",
      advice: "“Sessions need sticky servers.”",
      correction:
        "Only a session store in one process's memory needs the balancer to pin users, and loses them when that process dies. With the sessions in a shared database, any instance serves any user: the sticky-sessions lab kills the pinned instance and the database-backed session carries on, and the fleet lab refuses a logout from one instance on every other.",
      sources: ["lab:sticky-sessions", "lab:fleet", "owasp:session"],
    },
  },
];

export function correctionsFor(answers: Answers): Correction[] {
  return CORRECTIONS.filter(({ when }) => when(answers)).map(({ correction }) => correction);
}
