import type { Metadata } from "next";
import { Dashboard } from "@/app/components/Dashboard";

export const metadata: Metadata = { title: "JWT dashboard" };

export default function Page() {
  return <Dashboard mode="jwt" />;
}
