import type { ReactNode } from "react";

/** On a phone each cell of a table shown as cards names its column itself: the header row is hidden there. */
export function CellLabel({ children }: { children: ReactNode }): React.ReactNode {
  return <span className="mr-1 text-xs text-slate-500 md:hidden">{children}:</span>;
}
