import Link from "next/link";
import type { AuthMode } from "@/lib/auth/types";
import { ModeBadge } from "./ModeBadge";
import { modeStyle } from "./mode-style";

/** The pages of one mode, above each of them; its badge is the one mode label those pages show. */
const pages: Record<AuthMode, { href: string; label: string }[]> = {
  session: [
    { href: "/session/dashboard", label: "Dashboard" },
    { href: "/session/devices", label: "Devices" },
    { href: "/session/inspect", label: "Inspector" },
  ],
  jwt: [
    { href: "/jwt/dashboard", label: "Dashboard" },
    { href: "/jwt/inspect", label: "Inspector" },
  ],
};

export function ModeNav({ mode }: { mode: AuthMode }): React.ReactNode {
  return (
    <nav aria-label={`${modeStyle[mode].label} pages`} className="mb-8 flex items-center gap-4 text-sm">
      <ModeBadge mode={mode} />
      {pages[mode].map((page) => (
        <Link key={page.href} href={page.href} className="text-slate-600 hover:text-slate-900">
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
