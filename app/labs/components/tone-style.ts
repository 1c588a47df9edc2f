import type { VerdictTone } from "@/lib/labs/types";

/** How each kind of verdict looks; the words carry the meaning, the colour only repeats it. */
export const toneStyle: Record<VerdictTone, { label: string; text: string; box: string }> = {
  safe: { label: "Held", text: "text-emerald-700", box: "border-emerald-300 bg-emerald-50" },
  bounded: { label: "Bounded", text: "text-sky-800", box: "border-sky-300 bg-sky-50" },
  exposed: { label: "Exposed", text: "text-red-700", box: "border-red-300 bg-red-50" },
  degraded: { label: "Degraded", text: "text-amber-700", box: "border-amber-300 bg-amber-50" },
  inconclusive: { label: "Inconclusive", text: "text-slate-700", box: "border-slate-300 bg-slate-50" },
};
