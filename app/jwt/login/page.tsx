import type { Metadata } from "next";
import { LoginPage } from "@/app/components/LoginPage";

export const metadata: Metadata = { title: "JWT login" };

export default function Page({ searchParams }: PageProps<"/jwt/login">): React.ReactNode {
  return <LoginPage mode="jwt" searchParams={searchParams} />;
}
