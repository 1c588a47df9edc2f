import { modeStyle } from "@/app/components/mode-style";
import { countOf, formatBytes, formatCount } from "@/lib/format/units";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import type { ModeSnapshot, Sizes } from "@/lib/metrics/auth-metrics";
import { BROWSER_COOKIE_LIMIT } from "@/lib/metrics/cookie-limit";
import { BarChart, type BarRow } from "./BarChart";

/**
 * Cookie and Set-Cookie bytes against the browsers' per-cookie limit. The largest measured
 * is drawn: a cookie over the limit is dropped however small the typical one is.
 */

function row(mode: AuthMode, what: string, sizes: Sizes, noun: [string, string]): BarRow {
  return {
    label: `${modeStyle[mode].label}, ${what}`,
    value: sizes.max,
    text: sizes.max === null ? "not measured yet" : `max ${formatBytes(sizes.max)} · ${countOf(sizes.samples, ...noun)}`,
    tone: mode,
    light: what === "Set-Cookie",
  };
}

export function BytesChart({ snapshot }: { snapshot: Record<AuthMode, ModeSnapshot> }): React.ReactNode {
  const rows = [
    ...AUTH_MODES.map((mode) => row(mode, "cookie", snapshot[mode].visitors.cookieBytes, ["check", "checks"])),
    ...AUTH_MODES.map((mode) => row(mode, "Set-Cookie", snapshot[mode].visitors.setCookieBytes, ["login or refresh", "logins and refreshes"])),
  ];
  const limit = formatBytes(BROWSER_COOKIE_LIMIT);
  return (
    <BarChart
      id="chart-bytes"
      title={`Cookie and Set-Cookie bytes against the ${limit} limit`}
      rows={rows}
      format={(value) => formatCount(value)}
      limit={{ value: BROWSER_COOKIE_LIMIT, label: `browsers' limit, ${limit}` }}
      description={`Largest measured sizes in bytes, against the ${limit} browsers keep per cookie. ${rows.map((one) => `${one.label}: ${one.text}`).join(". ")}.`}
      samples={
        <>
          Cookie: <code className="font-mono">name=value</code> of the auth cookie on each accepted check. Set-Cookie: every header value of a login or
          refresh response, attributes included (JWT mode writes two cookies there; the limit applies to each one).
        </>
      }
    />
  );
}
