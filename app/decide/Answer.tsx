import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { answersQuery, type Answers } from "@/lib/decide/questions";
import { RECOMMENDATION_TITLES, type Claim, type Decision } from "@/lib/decide/rules";
import { isExternalSource, SOURCES } from "@/lib/decide/sources";

/** The recommendation, why, what it costs, and this app configured to match it. */

function Sources({ ids }: { ids: Claim["sources"] }) {
  return (
    <span className="mt-1 block text-xs text-slate-500">
      Evidence:{" "}
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 ? " · " : null}
          {isExternalSource(id) ? (
            <a href={SOURCES[id].href} className={inlineLink} rel="noreferrer">
              {SOURCES[id].label}
            </a>
          ) : (
            <Link href={SOURCES[id].href} className={inlineLink}>
              {SOURCES[id].label}
            </Link>
          )}
        </span>
      ))}
    </span>
  );
}

function Claims({ title, claims }: { title: string; claims: Claim[] }) {
  if (claims.length === 0) return null;
  return (
    <section className="space-y-2">
      <h3 className="font-semibold">{title}</h3>
      <ul className="space-y-3 text-sm">
        {claims.map((claim) => (
          <li key={claim.text} className="break-words">
            {claim.text}
            <Sources ids={claim.sources} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Answer({ answers, decision }: { answers: Answers; decision: Decision }): React.ReactNode {
  const query = answersQuery(answers);
  const { configuration } = decision;
  return (
    <section aria-labelledby="recommendation" className="space-y-6 rounded-xl border-2 border-slate-900 bg-white p-4 sm:p-6">
      <div>
        <p className="text-sm text-slate-500">Recommendation</p>
        <h2 id="recommendation" className="text-2xl font-semibold tracking-tight">
          {RECOMMENDATION_TITLES[decision.recommendation]}
        </h2>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a href={`/decide/record?${query}`} className={`${inlineLink} font-medium`}>
            Download as a decision record
          </a>
          <Link href={`/decide?${query}`} className={inlineLink}>
            Permalink to these answers
          </Link>
        </p>
      </div>
      <Claims title="Why" claims={decision.reasons} />
      <Claims title="Trade-offs you accept" claims={decision.tradeOffs} />
      <Claims title="Asked for, and not possible as asked" claims={decision.unmet} />
      <section className="space-y-2">
        <h3 className="font-semibold">Run it here</h3>
        <p className="text-sm">
          Log in with <strong>{configuration.mode} mode</strong>, with this app started as:
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          {[...configuration.env.map(([name, value]) => `${name}=${value}`), ...configuration.commands].join("\n")}
        </pre>
        <ul className="list-disc pl-5 text-sm">
          {configuration.watch.map((watch) => (
            <li key={watch.href}>
              Watch it: <Link href={watch.href} className={inlineLink}>{watch.label}</Link>
            </li>
          ))}
        </ul>
      </section>
      {decision.corrections.length > 0 ? (
        <section className="space-y-2">
          <h3 className="font-semibold">Where the common advice is too simple</h3>
          <ul className="space-y-3 text-sm">
            {decision.corrections.map((correction) => (
              <li key={correction.id}>
                <strong>{correction.advice}</strong> {correction.correction}
                <Sources ids={correction.sources} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
