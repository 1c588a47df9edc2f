import type { Metadata } from "next";
import { getConfig } from "@/lib/env";
import { DOWNSTREAM_COMMAND, FLEET_COMMAND, fleetInstances } from "@/lib/labs/fleet";
import { LabPage } from "../components/LabPage";

export const metadata: Metadata = { title: "Lab: logout across a fleet" };

function StartAFleet() {
  return (
    <section aria-labelledby="fleet-required" role="note" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <h2 id="fleet-required" className="font-semibold">
        This server runs alone: start a fleet to run this lab
      </h2>
      <p>The lab needs two or more instances on one PostgreSQL database and one Redis. From the project folder:</p>
      <pre className="overflow-x-auto rounded bg-white px-3 py-2 font-mono text-xs text-slate-900">{FLEET_COMMAND}</pre>
      <p>and, for the downstream replay, in a second terminal:</p>
      <pre className="overflow-x-auto rounded bg-white px-3 py-2 font-mono text-xs text-slate-900">{DOWNSTREAM_COMMAND}</pre>
      <p>
        Then open this page through the balancer (http://localhost:3000/labs/fleet). <code className="font-mono">npm run fleet</code> sets{" "}
        <code className="font-mono">FLEET_INSTANCES</code> for every instance.
      </p>
    </section>
  );
}

export default function Page({ searchParams }: PageProps<"/labs/fleet">) {
  const instances = fleetInstances();
  return (
    <LabPage lab="fleet" searchParams={searchParams} unavailable={instances ? undefined : <StartAFleet />}>
      {instances ? (
        <p className="text-sm text-slate-600">
          Instances (each addressed by its own origin, not through the balancer): <code className="font-mono">{instances.join(", ")}</code>. Downstream
          service: <code className="font-mono">{getConfig().DOWNSTREAM_URL}</code> (<code className="font-mono">npm run downstream</code>).
        </p>
      ) : null}
    </LabPage>
  );
}
