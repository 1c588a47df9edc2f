import type { Metadata } from "next";
import Link from "next/link";
import { PUBLISH_LEAD_SECONDS } from "@/lib/auth/jwt/keys/timeline";
import { LabPage } from "../components/LabPage";
import { Command } from "@/app/components/Command";

export const metadata: Metadata = { title: "Lab: key rotation" };

export default function Page({ searchParams }: PageProps<"/labs/key-rotation">): React.ReactNode {
  return (
    <LabPage lab="key-rotation" searchParams={searchParams}>
      <div className="space-y-2 text-sm text-slate-600">
        <p>
          <strong className="text-slate-900">This lab uses a private key set and a simulated clock.</strong> Each run makes its own Ed25519 keys in
          memory and moves its own clock forward (past the {PUBLISH_LEAD_SECONDS} s publish lead, then past the old key&apos;s retirement), with the same
          code the app rotates its keys with. The app&apos;s real signing keys are never touched: a lab must not affect anyone else.
        </p>
        <p>
          To rotate the real keys: <Link href="/admin/keys" className="underline">/admin/keys</Link> (admins) or{" "}
          <Command inline command="npm run keys:rotate" />.
        </p>
      </div>
    </LabPage>
  );
}
