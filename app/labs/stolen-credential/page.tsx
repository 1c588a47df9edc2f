import type { Metadata } from "next";
import { LabPage } from "../components/LabPage";

export const metadata: Metadata = { title: "Lab: stolen cookie after logout" };

export default function Page({ searchParams }: PageProps<"/labs/stolen-credential">): React.ReactNode {
  return (
    <LabPage lab="stolen-credential" searchParams={searchParams}>
      <p className="text-sm text-slate-600">
        The downstream services are two endpoints of this app that pretend to be somewhere else:{" "}
        <code className="font-mono">GET /api/downstream/jwt</code> holds only the verification key and accepts only tokens minted for it (
        <code className="font-mono">POST /api/&lt;mode&gt;/token</code>, at most 60 s);{" "}
        <code className="font-mono">GET /api/downstream/session</code> has no session store and says so.
      </p>
    </LabPage>
  );
}
