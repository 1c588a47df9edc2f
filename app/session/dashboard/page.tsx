import type { Metadata } from "next";
import { Dashboard } from "@/app/components/Dashboard";
import { DownstreamCall } from "@/app/components/DownstreamCall";

export const metadata: Metadata = { title: "Session dashboard" };

export default function Page(): React.ReactNode {
  return (
    <div className="space-y-8">
      <Dashboard mode="session" />
      <DownstreamCall mode="session" />
    </div>
  );
}
