import { modeStyle } from "@/app/components/mode-style";
import { countOf, formatRatio } from "@/lib/format/units";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import type { ModeSnapshot } from "@/lib/metrics/auth-metrics";
import { CacheOffNote } from "../CacheOffNote";
import { BarChart, type BarRow } from "./BarChart";

/** Database queries per accepted check, as Prisma reported them: cold and warm apart. */

export function QueriesChart(props: { snapshot: Record<AuthMode, ModeSnapshot>; settings: Record<AuthMode, string>; cacheOff: boolean }): React.ReactNode {
  const { snapshot, settings, cacheOff } = props;
  const temperatures = cacheOff ? (["cold"] as const) : (["cold", "warm"] as const);
  const rows: BarRow[] = AUTH_MODES.flatMap((mode) =>
    temperatures.map((temperature) => {
      const { queriesPerCheck, inFigures, samples } = snapshot[mode].visitors[temperature];
      return {
        label: `${modeStyle[mode].label}, ${temperature}`,
        value: queriesPerCheck.mean,
        text: queriesPerCheck.mean === null ? `no ${temperature} checks yet` : `mean ${formatRatio(queriesPerCheck.mean)} · max ${queriesPerCheck.max} · ${countOf(inFigures, "check")}${inFigures < samples ? " (latest)" : ""}`,
        tone: mode,
        light: temperature === "warm",
      };
    }),
  );
  return (
    <BarChart
      id="chart-queries"
      title="Database queries per authenticated request"
      rows={rows}
      format={(value) => String(value)}
      atLeast={2}
      description={`Mean database queries per accepted check. ${rows.map((one) => `${one.label}: ${one.text}`).join(". ")}.`}
      samples={
        <>
          Inside each authoritative check. {AUTH_MODES.map((mode) => `${modeStyle[mode].label}: ${settings[mode]}`).join(" · ")}.
          {cacheOff ? (
            <>
              {" "}Warm checks: <CacheOffNote />
            </>
          ) : null}
        </>
      }
    />
  );
}
