import type { Metadata } from "next";
import { STICKY_COOKIE, STICKY_LAB_PREFIX } from "@/lib/labs/sticky-sessions/balancer-contract";
import { stickyBalancer } from "@/lib/labs/sticky-sessions/run";
import { LabPage } from "../components/LabPage";
import { StartAFleet } from "../components/StartAFleet";

export const metadata: Metadata = { title: "Lab: sticky sessions" };

export default function Page({ searchParams }: PageProps<"/labs/sticky-sessions">): React.ReactNode {
  const balancer = stickyBalancer();
  return (
    <LabPage lab="sticky-sessions" searchParams={searchParams} unavailable={balancer ? undefined : <StartAFleet path="/labs/sticky-sessions" />}>
      <p className="text-sm text-slate-600">
        The balancer pins only <code className="font-mono">{STICKY_LAB_PREFIX}*</code> (HAProxy&apos;s cookie <code className="font-mono">{STICKY_COOKIE}</code>);
        the rest of the app stays round robin, because its real session store is the shared database. The in-memory store is a toy of this lab,
        one per process, that no real login uses.
        {balancer ? (
          <>
            {" "}
            Balancer: <code className="font-mono">{balancer}</code>.
          </>
        ) : null}
      </p>
    </LabPage>
  );
}
