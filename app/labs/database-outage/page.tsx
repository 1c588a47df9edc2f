import type { Metadata } from "next";
import { getConfig } from "@/lib/env";
import { denylistFailureNote, OUTAGE_LIMITS } from "@/lib/labs/database-outage/run";
import { LabPage } from "../components/LabPage";

export const metadata: Metadata = { title: "Lab: database outage" };

export default function Page({ searchParams }: PageProps<"/labs/database-outage">): React.ReactNode {
  return (
    <LabPage lab="database-outage" searchParams={searchParams}>
      <div className="space-y-2 text-sm text-slate-600">
        <p>
          <strong className="text-slate-900">This is a real outage, confined to the lab</strong>, for at most{" "}
          {OUTAGE_LIMITS.maxMs / 1000} s: the lab&apos;s own requests carry a secret for this run only, and the server answers
          them through the same code as any request but with a database client that cannot connect. Everyone else&apos;s
          requests keep the real database. One outage at a time, and at most one every {OUTAGE_LIMITS.cooldownMs / 1000} s.
        </p>
        <p>
          <strong className="text-slate-900">How JWT mode&apos;s revocation check fails here:</strong> {denylistFailureNote(getConfig())}
        </p>
      </div>
    </LabPage>
  );
}
