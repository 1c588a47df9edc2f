import type { Metadata } from "next";
import { LoginPage } from "@/app/components/LoginPage";

export const metadata: Metadata = { title: "Session login" };

export default function Page({ searchParams }: PageProps<"/session/login">): React.ReactNode {
  return <LoginPage mode="session" searchParams={searchParams} />;
}
