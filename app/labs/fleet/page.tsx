import type { Metadata } from "next";
import { getConfig } from "@/lib/env";
import { DOWNSTREAM_COMMAND, fleetInstances } from "@/lib/labs/fleet/run";
import { LabPage } from "../components/LabPage";
import { StartAFleet } from "../components/StartAFleet";
import { Command } from "@/app/components/Command";

export const metadata: Metadata = { title: "Lab: logout across a fleet" };

export default function Page({ searchParams }: PageProps<"/labs/fleet">): React.ReactNode {
  const instances = fleetInstances();
  const startAFleet = (
    <StartAFleet path="/labs/fleet">
      <p>and, for the downstream replay, in a second terminal:</p>
      <Command command={DOWNSTREAM_COMMAND} />
    </StartAFleet>
  );
  return (
    <LabPage lab="fleet" searchParams={searchParams} unavailable={instances ? undefined : startAFleet}>
      {instances ? (
        <p className="text-sm text-slate-600">
          Instances (each addressed by its own origin, not through the balancer): <code className="font-mono">{instances.join(", ")}</code>. Downstream
          service: <code className="font-mono">{getConfig().DOWNSTREAM_URL}</code> (<Command inline command="npm run downstream" />).
        </p>
      ) : null}
    </LabPage>
  );
}
