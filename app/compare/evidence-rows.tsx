import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { LocalTime } from "@/app/components/LocalTime";
import { inspectorCopy } from "@/app/components/inspector-copy";
import { strategies } from "@/lib/auth/registry";
import type { AuthMode } from "@/lib/auth/types";
import { answerCode } from "@/lib/labs/recorder";
import type { RevocationLag } from "@/lib/labs/store";
import type { LabResult } from "@/lib/labs/types";
import type { StateCount } from "@/lib/metrics/stored-state";
import { perMode, type CompareRow } from "./compare-row";
import { formatSeconds } from "@/lib/format/units";
import { Figure } from "./Figure";

/** The rows backed by the database's own tables, the inspector and the stolen-credential lab. */

export const STOLEN_CREDENTIAL_LAB = "/labs/stolen-credential";
const small = "mt-1 block text-xs text-slate-500";

function RunTheLab({ what }: { what: string }) {
  return (
    <span className={small}>
      Not measured yet: <Link href={STOLEN_CREDENTIAL_LAB} className={inlineLink}>run the stolen-credential lab</Link> to see {what}.
    </span>
  );
}

function lagText(seconds: number | null): React.ReactNode {
  if (seconds === null) return <Figure value={null} />;
  return seconds === 0 ? "0 s — refused on the very next request" : <><Figure value={seconds} format={formatSeconds} /> — the copy kept working, until exp</>;
}

/** What the downstream stand-in answered the lab's n-th replay there (0: the copied credential, 1: the copied downstream token). */
function downstreamAnswer(result: LabResult, mode: AuthMode, nth: number): string {
  const step = result.columns[mode].steps.filter((candidate) => candidate.request.path.startsWith("/api/downstream/"))[nth];
  if (!step?.response) return "no answer";
  return `${step.response.status} ${answerCode({ status: step.response.status, body: step.response.body })}`;
}

const crossServiceExpected: Record<AuthMode, string> = {
  session: "Expected: another service cannot decide a cookie (it only names a row in this app's store); it gets a ≤ 60 s token of its own, which outlives a logout by the rest of its life.",
  jwt: "Expected: the access token names this app alone, so another service refuses it; it gets a ≤ 60 s token of its own, which outlives a logout by the rest of its life.",
};

type EvidenceRow = "state" | "revocation" | "reader" | "crossService";

export function evidenceRows(input: { state: Record<AuthMode, StateCount[]>; lab: LabResult | null; lag: RevocationLag | null }): Record<EvidenceRow, CompareRow> {
  const { state, lab, lag } = input;
  const ranAt = lag ? (
    <span className={small}>
      <Link href={STOLEN_CREDENTIAL_LAB} className={inlineLink}>stolen-credential lab</Link>, run <LocalTime at={lag.ranAt} /> with JWT_REVOCATION_CHECK=
      {lag.revocationCheck}
    </span>
  ) : null;
  return {
    state: {
      id: "state",
      label: "Where the state lives",
      hint: "counted in the tables right now",
      cells: perMode((mode) => (
        <>
          {strategies[mode].describe().stateLivesIn}
          {state[mode].map(({ label, count }) => (
            <span key={label} className={small}>
              {label}
              {count === null ? null : <>: <Figure value={count} /></>}
            </span>
          ))}
        </>
      )),
    },
    revocation: {
      id: "revocation",
      label: "Revocation lag after logout",
      hint: "how long a copy of the credential kept working here",
      cells: perMode((mode) =>
        lag && lab ? (
          <>
            {lagText(lag.app[mode])}
            <span className={small}>{lab.columns[mode].verdict.headline}</span>
            {ranAt}
          </>
        ) : (
          <>
            {strategies[mode].describe().revocation}
            <RunTheLab what="it measured" />
          </>
        ),
      ),
    },
    reader: {
      id: "reader",
      label: "What a reader of the cookie learns",
      hint: "no key needed",
      cells: perMode((mode) => (
        <>
          {inspectorCopy[mode].ifStolen[0]}
          <span className={small}>
            See your own in the <Link href={`/${mode}/inspect`} className={inlineLink}>{mode} inspector</Link>.
          </span>
        </>
      )),
    },
    crossService: {
      id: "cross-service",
      label: "Verification by another service",
      hint: "GET /api/downstream/<mode>: a service with the key and no database, and its own ≤ 60 s tokens",
      cells: perMode((mode) =>
        lag && lab ? (
          <>
            Downstream answered <strong className="font-mono">{downstreamAnswer(lab, mode, 0)}</strong> to the copied {mode === "session" ? "cookie" : "access token"}
            {" "}and <strong className="font-mono">{downstreamAnswer(lab, mode, 1)}</strong> to a copied downstream token, after logout.
            <span className={small}>Lag there: {lagText(lag.downstream[mode])}</span>
            {ranAt}
          </>
        ) : (
          <>
            {crossServiceExpected[mode]}
            <RunTheLab what="what it answers" />
          </>
        ),
      ),
    },
  };
}
