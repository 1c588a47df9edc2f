import type { Metadata } from "next";
import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { LocalTime } from "@/app/components/LocalTime";
import { saturationLines } from "@/lib/capacity/advice";
import { BenchFormatError } from "@/lib/capacity/bench-files";
import { DEFAULT_INPUTS, parseReaderInputs } from "@/lib/capacity/inputs";
import { modelBothModes } from "@/lib/capacity/model";
import { loadCapacityInputs, type CapacityInputs } from "@/lib/capacity/read-bench";
import { saturationsOf } from "@/lib/capacity/saturation";
import { sweepModel } from "@/lib/capacity/sweep";
import { validateAgainstBench } from "@/lib/capacity/validation";
import { loadChartProps } from "./chart-props";
import { CostsTable } from "./CostsTable";
import { LoadCharts } from "./LoadCharts";
import { ResultsTable } from "./ResultsTable";
import { SaturationAdvice } from "./SaturationAdvice";
import { ScaleForm } from "./ScaleForm";
import { SimulationSection } from "./SimulationSection";
import { ValidationTable } from "./ValidationTable";
import { Command } from "@/app/components/Command";

export const metadata: Metadata = { title: "At your scale" };

/** The form's values as text: what the reader typed, or the defaults. */
function formValues(raw: Record<string, string>): Record<string, string> {
  const defaults = Object.fromEntries(Object.entries(DEFAULT_INPUTS).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  return { ...defaults, ...raw };
}

function loadInputs(): { ok: true; data: CapacityInputs } | { ok: false; message: string } {
  try {
    return { ok: true, data: loadCapacityInputs() };
  } catch (error) {
    // A missing or changed bench result is the page's to explain, not a 500.
    if (error instanceof BenchFormatError) return { ok: false, message: error.message };
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, message: "docs/bench/ is not here: this deployment was shipped without the committed bench results." };
    throw error;
  }
}

export default async function ScalePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactNode> {
  const parsed = parseReaderInputs(await searchParams);
  const raw = parsed.ok ? Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : []))) : parsed.raw;
  const loaded = loadInputs();
  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">At your scale: sessions and JWTs on paper and in simulation</h1>
        <p className="mt-3 text-slate-600">
          How many database reads and writes, Redis operations, invalidation messages, bytes and CPU cores each mode asks for at your load, how long a revocation lags, and what fills up first. Every per-request cost is one this app measured (
          <Link href="/compare" className={inlineLink}>
            /compare
          </Link>
          , <Command inline command="npm run bench:http" />, <code className="font-mono text-sm">bench:profile</code>, <code className="font-mono text-sm">bench:capacity</code>), and the model is checked against the throughput the bench measured. How to read it:{" "}
          <code className="font-mono text-sm">docs/SCALE.md</code>.
        </p>
      </div>
      <section aria-labelledby="inputs" className="space-y-3">
        <h2 id="inputs" className="text-xl font-semibold">
          Your deployment
        </h2>
        <ScaleForm values={formValues(raw)} errors={parsed.ok ? {} : parsed.errors} />
      </section>
      {!loaded.ok ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          The model cannot run: {loaded.message}
        </p>
      ) : parsed.ok ? (
        <Results data={loaded.data} inputs={parsed.inputs} />
      ) : null}
    </div>
  );
}

function Results({ data, inputs }: { data: CapacityInputs; inputs: Parameters<typeof modelBothModes>[0] }) {
  const { costs, files, pushLag, simulation } = data;
  const pushP99 = pushLag?.p99Ms ?? null;
  const results = modelBothModes(inputs, costs, pushP99);
  const saturations = { session: saturationsOf(results.session, inputs, costs), jwt: saturationsOf(results.jwt, inputs, costs) };
  const lines = { session: saturationLines("session", saturations.session, inputs, costs, pushP99), jwt: saturationLines("jwt", saturations.jwt, inputs, costs, pushP99) };
  const machine = costs.machine;
  return (
    <>
      <p className="text-sm text-slate-600">
        Component capacities measured on this machine: {machine.cores} cores ({machine.cpu}), PostgreSQL {machine.postgres} and Redis {machine.redis} sharing them with their load generators,{" "}
        <LocalTime at={machine.measuredAt} className="text-sm" />
        {machine.trial ? <strong className="text-amber-700"> — a trial run on a busy machine, to be measured again on a quiet one</strong> : null}; CPU per request profiled on {machine.profiled.cores} cores ({machine.profiled.cpu}),{" "}
        <LocalTime at={machine.profiled.at} className="text-sm" />. The hardware factors above scale them to yours.
      </p>
      <section aria-labelledby="outputs" className="space-y-3">
        <h2 id="outputs" className="text-xl font-semibold">
          What each mode asks for
        </h2>
        <ResultsTable results={results} saturations={saturations} />
      </section>
      <section aria-labelledby="saturation" className="space-y-3">
        <h2 id="saturation" className="text-xl font-semibold">
          Where it runs out, and what a team does then
        </h2>
        <SaturationAdvice lines={lines} />
      </section>
      <section aria-labelledby="charts" className="space-y-3">
        <h2 id="charts" className="text-xl font-semibold">
          Against load, 1,000 to 1,000,000 requests per second
        </h2>
        <LoadCharts charts={loadChartProps(sweepModel(inputs, costs, pushP99), saturations)} />
      </section>
      <section aria-labelledby="validation" className="space-y-3">
        <h2 id="validation" className="text-xl font-semibold">
          Does the model hold? Its predictions beside the bench
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          The bench machine runs everything on its {machine.cores} cores: the app, wrk, HAProxy and PostgreSQL. So the model predicts each of bench:http&apos;s API targets as the smaller of each event loop&apos;s bound (one core per instance) and the machine&apos;s (all their CPU per request together), from the profiled and measured costs, not fitted to these runs.
        </p>
        <ValidationTable rows={validateAgainstBench(files, costs)} />
      </section>
      <section aria-labelledby="simulation" className="space-y-3">
        <h2 id="simulation" className="text-xl font-semibold">
          Past this machine: 2 to 1,000 instances, simulated
        </h2>
        {simulation ? <SimulationSection simulation={simulation} /> : <p className="text-sm text-slate-600">Not simulated yet: run <Command inline command="npm run simulate" />.</p>}
      </section>
      <section aria-labelledby="costs" className="space-y-3">
        <h2 id="costs" className="text-xl font-semibold">
          The measured inputs
        </h2>
        <CostsTable costs={costs} />
      </section>
    </>
  );
}
