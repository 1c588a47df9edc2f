import type { Metadata } from "next";
import { LabPage } from "../components/LabPage";

export const metadata: Metadata = { title: "Lab: stale claims" };

export default function Page({ searchParams }: PageProps<"/labs/stale-claims">): React.ReactNode {
  return (
    <LabPage lab="stale-claims" searchParams={searchParams}>
      <p className="text-sm text-slate-600">
        The demotion is a real write to the throwaway user&apos;s row (<code className="font-mono">setUserRole</code>, the same
        function the admin API uses), made between the requests.
      </p>
    </LabPage>
  );
}
