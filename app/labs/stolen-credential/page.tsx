import type { Metadata } from "next";
import { LabPage } from "../components/LabPage";

export const metadata: Metadata = { title: "Lab: stolen cookie after logout" };

export default function Page({ searchParams }: PageProps<"/labs/stolen-credential">) {
  return (
    <LabPage lab="stolen-credential" searchParams={searchParams}>
      <p className="text-sm text-slate-600">
        The downstream services are two endpoints of this app that pretend to be somewhere else:{" "}
        <code className="font-mono">GET /api/downstream/jwt</code> holds only the verification key;{" "}
        <code className="font-mono">GET /api/downstream/session</code> has no session store and says so.
      </p>
    </LabPage>
  );
}
