import type { Metadata } from "next";
import { LabPage } from "../components/LabPage";

export const metadata: Metadata = { title: "Lab: tampering" };

export default function Page({ searchParams }: PageProps<"/labs/tampering">): React.ReactNode {
  return (
    <LabPage lab="tampering" searchParams={searchParams}>
      <p className="text-sm text-slate-600">
        Every variant is a real request to <code className="font-mono">/api/&lt;mode&gt;/me</code>; the expired token and the
        genuine seal are made on the server with the real keys, because an attacker cannot make those — which is the point.
      </p>
    </LabPage>
  );
}
