import { FLEET_COMMAND } from "@/lib/labs/fleet/run";
import { Command } from "@/app/components/Command";

/** What a fleet-only lab shows on a single server, instead of its run button. */
export function StartAFleet({ path, children }: { path: string; children?: React.ReactNode }): React.ReactNode {
  return (
    <section aria-labelledby="fleet-required" role="note" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <h2 id="fleet-required" className="font-semibold">
        This server runs alone: start a fleet to run this lab
      </h2>
      <p>The lab needs two or more instances on one PostgreSQL database and one Redis. From the project folder:</p>
      <Command command={FLEET_COMMAND} />
      {children}
      <p>
        Then open this page through the balancer (http://localhost:3000{path}). <Command inline command="npm run fleet" /> sets{" "}
        <code className="font-mono">FLEET_INSTANCES</code> and <code className="font-mono">FLEET_BALANCER_URL</code> for every instance.
      </p>
    </section>
  );
}
