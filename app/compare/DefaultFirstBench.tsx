import { Command } from "@/app/components/Command";
import { committedDefaultFirstBenches, committedPeersBench } from "@/lib/metrics/bench-results";
import { DefaultFirstTable } from "./DefaultFirstTable";
import { PeersTable } from "./PeersTable";

/**
 * "What do I get by default, and what do the alternatives and other libraries give?", answered
 * from the bench results committed in docs/bench/ (no figure here is typed in by hand): per
 * database kind the configuration `npm start` / `npm run fleet` runs first, then each
 * alternative the run measured, then the peers measured side by side.
 */
export async function DefaultFirstBench(): Promise<React.ReactNode> {
  const [benches, peers] = await Promise.all([committedDefaultFirstBenches(), committedPeersBench()]);
  return (
    <section aria-labelledby="default-first" className="space-y-4">
      <h2 id="default-first" className="text-xl font-semibold">
        What you get by default, and what the alternatives and other libraries give
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">
        Authenticated <code className="font-mono">/me</code> requests per second of the production build, measured from outside with wrk by{" "}
        <Command inline command="npm run bench:http" /> and <Command inline command="npm run bench:peers" />, committed in{" "}
        <code className="font-mono">docs/bench/</code>. The default row is what runs when nothing is set (lib/env.ts decides it per
        database); each other row names what it sets differently, and a — in its session column means session mode reads none of those
        settings (the row with the same SESSION_CACHE measured it). Figures from different runs, machines or days are not comparable
        with each other: each block says where and when it was measured.
      </p>
      {benches.length === 0 && !peers ? (
        <p className="text-sm text-slate-500">
          No bench results in docs/bench/ yet: run <Command inline command="npm run bench:http" />.
        </p>
      ) : null}
      {benches.map(({ file, bench }) => (
        <DefaultFirstTable key={file} bench={bench} id={`default-first-${file.replace(/\.json$/, "")}`} />
      ))}
      {peers ? <PeersTable bench={peers.bench} id="default-first-peers" /> : null}
    </section>
  );
}
