import type { ReactNode } from "react";
import type { AuthMode } from "@/lib/auth/types";

/** One row of the comparison: what is compared, and each mode's evidence for it. */
export interface CompareRow {
  id: string;
  label: string;
  hint: string;
  cells: Record<AuthMode, ReactNode>;
}

export function perMode(render: (mode: AuthMode) => ReactNode): Record<AuthMode, ReactNode> {
  return { session: render("session"), jwt: render("jwt") };
}
