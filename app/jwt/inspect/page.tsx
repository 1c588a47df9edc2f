import type { Metadata } from "next";
import { Inspector } from "@/app/components/Inspector";

export const metadata: Metadata = { title: "JWT inspector" };

export default function Page(): React.ReactNode {
  return <Inspector mode="jwt" />;
}
