import type { AuthMode } from "@/lib/auth/types";
import { modeStyle } from "./mode-style";

export function ModeBadge({ mode }: { mode: AuthMode }): React.ReactNode {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${modeStyle[mode].badge}`}>
      {modeStyle[mode].label}
    </span>
  );
}
