import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthStatus } from "./components/AuthStatus";
import { MainNav } from "./components/MainNav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Session vs JWT, side by side", template: "%s · Session vs JWT" },
  description: "Server-side sessions and stateless JWTs on the same users, pages and database — measured, not claimed.",
};


export default async function RootLayout({ children }: { children: React.ReactNode }): Promise<React.ReactNode> {
  // Every page renders per request: proxy.ts sends a fresh CSP nonce with each one, and a page
  // prerendered at build time would carry no nonce, so its scripts would be refused.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-6 px-4 py-4 sm:px-6">
            <Link href="/" className="font-semibold tracking-tight no-underline">
              Session <span className="text-slate-400">vs</span> JWT
            </Link>
            <MainNav />
          </nav>
          <AuthStatus />
        </header>
        <main className="mx-auto max-w-5xl px-6 py-10">{children}</main>
        <footer className="mx-auto max-w-5xl px-6 pb-10 text-xs text-slate-500">
          A reference app: read the code, run the tests, copy what you need.
        </footer>
      </body>
    </html>
  );
}
