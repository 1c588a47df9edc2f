import { countOf, formatCount } from "@/lib/format/units";
import type { CheckFigures } from "@/lib/metrics/auth-metrics";

/** "Session mode: 1,204 checks (the latest 1,000 in the figures)": the count beside a figure. */
export function seriesCount(label: string, figures: Pick<CheckFigures, "samples" | "inFigures">): string {
  const all = countOf(figures.samples, "check");
  return figures.inFigures < figures.samples ? `${label}: ${all} (the latest ${formatCount(figures.inFigures)} in the figures)` : `${label}: ${all}`;
}
