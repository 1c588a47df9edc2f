import type { Metadata } from "next";
import { Inspector } from "@/app/components/Inspector";

export const metadata: Metadata = { title: "Session inspector" };

export default function Page(): React.ReactNode {
  return <Inspector mode="session" />;
}
