import type { AuthMode } from "../auth/types.ts";
import { countOf, formatBytes, formatMs, formatRatio, formatSeconds } from "../format/units.ts";
import type { LabResult } from "../labs/types.ts";
import type { ModeSnapshot } from "../metrics/auth-metrics.ts";
import type { FleetReach, ReachFigure } from "./fleet-reach.ts";
import type { FigureTone, Headline, Slot } from "./types.ts";

/**
 * /compare's verdicts first: six questions, each answered by a pair of figures from this
 * server's measurements, the latest lab run or the committed bench results — or by the one
 * action that would measure it. Pure: the loader (load.ts) gathers the inputs; every word that
 * depends on a figure is decided here and tested in headlines.test.ts.
 */

export interface HeadlineInputs {
  /** The process whose live figures these are (INSTANCE_NAME or its random name) and its machine. */
  machine: string;
  metricsSince: string;
  sessionCache: "off" | "push" | "cookie";
  revocationCheck: "none" | "denylist";
  snapshot: Record<AuthMode, ModeSnapshot>;
  stolen: LabResult | null;
  fleetReach: FleetReach | null;
  /** The auth cookie's HttpOnly attribute, as lib/auth/cookies.ts sets it. */
  cookieHttpOnly: boolean;
}

const MODES: AuthMode[] = ["session", "jwt"];
const perMode = (slot: (mode: AuthMode) => Slot): Record<AuthMode, Slot> => ({ session: slot("session"), jwt: slot("jwt") });
const logInAndLook = (mode: AuthMode, why: string): Slot => ({ kind: "action", href: `/${mode}/login?next=/${mode}/dashboard`, label: `Log in with ${mode === "session" ? "session" : "JWT"} mode`, why });
const runStolen: Slot = { kind: "action", href: "/labs/stolen-credential", label: "Run the stolen-credential lab", why: "it replays a copied credential after logout, here and at the downstream service" };
const STOLEN_SOURCE = "stolen-credential lab";

/** 0 s: held; within the downstream token's ≤ 60 s life: bounded; longer (until an access token's exp): exposed. */
export function lagTone(seconds: number | null, boundSeconds: number | null): FigureTone {
  if (seconds === 0) return "safe";
  if (seconds !== null && boundSeconds !== null && seconds <= boundSeconds) return "bounded";
  return "exposed";
}

const worst = (tones: FigureTone[]): FigureTone => (["exposed", "bounded", "safe"] as const).find((tone) => tones.includes(tone)) ?? "neutral";

function copiedAfterLogout({ stolen }: HeadlineInputs): Headline {
  const base: Pick<Headline, "id" | "title" | "evidence" | "notes"> = { id: "copied-after-logout", title: "A copied credential, after logout", evidence: { href: "/labs/stolen-credential", label: "the stolen-credential lab" }, notes: [] };
  const meaning = "How long a thief's copy kept working after the user logged out: at this app, and at a service that trusts only the public keys.";
  if (!stolen) return { ...base, meaning, slots: { session: runStolen, jwt: runStolen }, source: null };
  const slot = (mode: AuthMode): Slot => {
    const { measures } = stolen.columns[mode];
    const here = typeof measures.revocationLagSeconds === "number" ? measures.revocationLagSeconds : null;
    const there = typeof measures.downstreamRevocationLagSeconds === "number" ? measures.downstreamRevocationLagSeconds : null;
    const bound = typeof measures.downstreamTokenLifetimeSeconds === "number" ? measures.downstreamTokenLifetimeSeconds : null;
    const tone = worst([lagTone(here, null), lagTone(there, bound)]);
    const words = here === 0 ? "refused here on the very next request" : "still accepted here, until its exp";
    const detail = `downstream: ${there === null ? "unknown" : formatSeconds(there)}${there !== null && there > 0 && tone === "bounded" ? ` (its own ≤ ${bound} s token)` : ""}`;
    return { kind: "figure", value: here === null ? "—" : formatSeconds(here), words, tone, samples: "1 replay", detail };
  };
  return { ...base, meaning, slots: perMode(slot), source: { label: `${STOLEN_SOURCE}, JWT_REVOCATION_CHECK=${String(stolen.config.JWT_REVOCATION_CHECK)}`, measuredAt: stolen.finishedAt, machine: stolen.origin } };
}

function bytesPerRequest({ snapshot, machine, metricsSince }: HeadlineInputs): Headline {
  const slot = (mode: AuthMode): Slot => {
    const { cookieBytes } = snapshot[mode].visitors;
    if (cookieBytes.samples === 0 || cookieBytes.p50 === null) return logInAndLook(mode, "each page you open then measures the cookie it sends");
    return { kind: "figure", value: formatBytes(cookieBytes.p50), words: "cookie on every request (p50)", tone: "neutral", samples: countOf(cookieBytes.samples, "check"), detail: cookieBytes.max === null ? undefined : `max ${formatBytes(cookieBytes.max)}` };
  };
  const slots = perMode(slot);
  return {
    id: "bytes",
    title: "Bytes the browser sends per request",
    meaning: "The auth cookie rides on every request to this site: a sealed id, or a signed token with its claims.",
    evidence: { href: "/compare#cookie", label: "the cookie rows below" },
    slots,
    source: measuredAny(slots) ? { label: "this server's authoritative checks (visitors')", measuredAt: metricsSince, machine, window: "since" } : null,
    notes: [],
  };
}

function databaseReads({ snapshot, sessionCache, revocationCheck, machine, metricsSince }: HeadlineInputs): Headline {
  const slot = (mode: AuthMode): Slot => {
    const { cold, warm } = snapshot[mode].visitors;
    if (cold.inFigures === 0 || cold.queriesPerCheck.mean === null) return logInAndLook(mode, "each check then counts the queries Prisma reports");
    const warmText = sessionCache === "off" ? undefined : warm.inFigures === 0 || warm.queriesPerCheck.mean === null ? "warm: no cached check yet" : `warm: ${formatRatio(warm.queriesPerCheck.mean)} over ${countOf(warm.inFigures, "check")}`;
    return { kind: "figure", value: formatRatio(cold.queriesPerCheck.mean), words: "reads per check, cold", tone: "neutral", samples: countOf(cold.inFigures, "cold check"), detail: warmText };
  };
  const slots = perMode(slot);
  const notes = sessionCache === "off" ? ["Warm figures cannot exist with SESSION_CACHE=off: every check reads the database. Start the app with SESSION_CACHE=push to measure checks a cache answers."] : [];
  return {
    id: "db-reads",
    title: "Database reads per check",
    meaning: `A session is looked up; a JWT is read for revocation too while JWT_REVOCATION_CHECK=${revocationCheck}.`,
    evidence: { href: "/compare#queries", label: "the queries row below" },
    slots,
    source: measuredAny(slots) ? { label: `this server's authoritative checks, SESSION_CACHE=${sessionCache}`, measuredAt: metricsSince, machine, window: "since" } : null,
    notes,
  };
}

const measuredAny = (slots: Record<AuthMode, Slot>) => MODES.some((mode) => slots[mode].kind === "figure");

function reachSlot(figure: ReachFigure | null): Slot {
  if (!figure) return { kind: "action", href: "/labs/fleet", label: "Run the fleet lab (npm run fleet)", why: "the committed bench has no fleet figure for this mode" };
  const refusedAlways = figure.neverRefused === 0;
  return {
    kind: "figure",
    value: figure.p99Ms === null ? "—" : formatMs(figure.p99Ms),
    words: refusedAlways ? "p99 until the other instance refused too" : `p99; ${countOf(figure.neverRefused, "sample")} never refused`,
    tone: refusedAlways ? "safe" : "exposed",
    samples: countOf(figure.samples, "logout"),
    detail: figure.measured,
  };
}

function revocationReach({ fleetReach, revocationCheck }: HeadlineInputs): Headline {
  const notes = revocationCheck === "none" ? ["This server runs JWT_REVOCATION_CHECK=none: here a logged-out JWT is not refused before its exp on any instance; the figure is the bench's with the denylist on."] : [];
  return {
    id: "revocation-reach",
    title: "How fast a revocation reaches every instance",
    meaning: "A logout on one instance, the same credential replayed on the other: the store they share decides, no sticky sessions needed.",
    evidence: { href: "/labs/fleet", label: "the fleet lab" },
    slots: { session: reachSlot(fleetReach?.session ?? null), jwt: reachSlot(fleetReach?.jwt ?? null) },
    source: fleetReach ? { label: "npm run bench:http, committed in docs/bench/", measuredAt: fleetReach.finishedAt, machine: fleetReach.machine } : null,
    notes,
  };
}

const DOWNSTREAM_WORDS: Record<string, string> = {
  session_store_required: "a service with only the public keys cannot decide a cookie",
  token_wrong_aud: "signature verified without a database; refused: not its audience",
  accepted: "accepted without a database",
};

function verifyWithoutDatabase({ stolen }: HeadlineInputs): Headline {
  const base: Pick<Headline, "id" | "title" | "meaning" | "evidence" | "notes"> = {
    id: "verify-without-db",
    title: "Who can verify the user without the database",
    meaning: "What the downstream service (public keys, no database) answered each mode's own credential; both modes hand it a token of its own instead.",
    evidence: { href: "/labs/stolen-credential", label: "the stolen-credential lab's downstream replays" },
    notes: [],
  };
  if (!stolen) return { ...base, slots: { session: runStolen, jwt: runStolen }, source: null };
  const slot = (mode: AuthMode): Slot => {
    const [, downstream = "no_answer", token] = stolen.columns[mode].verdict.reasonCodes;
    const value = downstream === "accepted" ? "Any key holder" : "Only this app";
    return { kind: "figure", value, words: DOWNSTREAM_WORDS[downstream] ?? downstream, tone: "neutral", samples: "1 replay", detail: `answer: ${downstream}${token ? ` · its exchanged token: ${token}` : ""}` };
  };
  return { ...base, slots: perMode(slot), source: { label: STOLEN_SOURCE, measuredAt: stolen.finishedAt, machine: stolen.origin } };
}

function injectedScript({ cookieHttpOnly }: HeadlineInputs): Headline {
  const slot = (mode: AuthMode): Slot =>
    cookieHttpOnly
      ? { kind: "figure", value: "Ride, not read", words: "HttpOnly: a script cannot read the cookie, but its same-origin requests carry it", tone: "neutral", samples: "configuration", detail: mode === "jwt" ? "kept in localStorage instead, the token would be stolen outright" : undefined }
      : { kind: "figure", value: "Read and ride", words: "the cookie is readable by any script on the page", tone: "exposed", samples: "configuration" };
  return {
    id: "injected-script",
    title: "What an injected script can do",
    meaning: "Both modes keep the credential in an HttpOnly cookie here; the storage lab runs the attack in your browser, the three ways a token is kept.",
    evidence: { href: "/labs/storage", label: "the storage lab (runs in your browser)" },
    slots: perMode(slot),
    source: { label: "the Set-Cookie attributes this server sends (configuration; the lab's result stays in your browser)", measuredAt: null, machine: "this server" },
    notes: [],
  };
}

export function headlines(inputs: HeadlineInputs): Headline[] {
  return [copiedAfterLogout, bytesPerRequest, databaseReads, revocationReach, verifyWithoutDatabase, injectedScript].map((card) => card(inputs));
}
