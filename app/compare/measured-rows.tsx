import { modeStyle } from "@/app/components/mode-style";
import type { AuthMode } from "@/lib/auth/types";
import type { ModeSnapshot, Sizes } from "@/lib/metrics/auth-metrics";
import { BROWSER_COOKIE_LIMIT, cookieHeadroom } from "@/lib/metrics/cookie-limit";
import { formatBytes, formatCount, formatMicros, formatRatio } from "@/lib/format/units";
import { CacheOffNote } from "./CacheOffNote";
import { perMode, type CompareRow } from "./compare-row";
import { Figure, SizeList } from "./Figure";

/** The rows backed by lib/metrics: what visitors' authoritative checks and logins cost (the labs' apart). */

const small = "mt-1 block text-xs text-slate-500";

function CookieCell({ mode, sizes }: { mode: AuthMode; sizes: Sizes }) {
  return (
    <>
      p50 <Figure value={sizes.p50} format={formatBytes} /> · max <Figure value={sizes.max} format={formatBytes} />
      <span className={small}>
        headroom to {BROWSER_COOKIE_LIMIT}: <Figure value={sizes.max === null ? null : cookieHeadroom(sizes.max)} format={formatBytes} />
      </span>
      <SizeList label={`Cookie sizes seen, ${modeStyle[mode].inline}`} values={sizes.distinct} />
      <span className={small}>from {formatCount(sizes.samples)} accepted checks that carried it</span>
    </>
  );
}

function SetCookieCell({ mode, sizes }: { mode: AuthMode; sizes: Sizes }) {
  return (
    <>
      last write <Figure value={sizes.last} format={formatBytes} /> · max <Figure value={sizes.max} format={formatBytes} />
      <SizeList label={`Set-Cookie sizes seen, ${modeStyle[mode].inline}`} values={sizes.distinct} />
      <span className={small}>over {formatCount(sizes.samples)} logins and refreshes</span>
    </>
  );
}

/** `cacheOff`: SESSION_CACHE=off, where no check can be warm: the warm lines say why instead. */
export function measuredRows(snapshot: Record<AuthMode, ModeSnapshot>, settings: Record<AuthMode, string>, cacheOff: boolean): CompareRow[] {
  return [
    {
      id: "cookie",
      label: "Cookie sent with every request",
      hint: "name=value of the auth cookie on each accepted check; browsers drop a cookie over 4096 bytes",
      cells: perMode((mode) => <CookieCell mode={mode} sizes={snapshot[mode].visitors.cookieBytes} />),
    },
    {
      id: "set-cookie",
      label: "Set-Cookie written at login and refresh",
      hint: "every Set-Cookie header value of one response, attributes included (JWT mode writes two cookies)",
      cells: perMode((mode) => <SetCookieCell mode={mode} sizes={snapshot[mode].visitors.setCookieBytes} />),
    },
    {
      id: "queries",
      label: "Database queries per authenticated request",
      hint: "as Prisma reported them, inside each authoritative check",
      cells: perMode((mode) => {
        const { cold, warm } = snapshot[mode].visitors;
        return (
          <>
            mean <Figure value={cold.queriesPerCheck.mean} format={formatRatio} /> · max <Figure value={cold.queriesPerCheck.max} />
            <span className={small}>
              over {formatCount(cold.inFigures)} cold checks · {settings[mode]}
            </span>
            <span className={small}>
              {cacheOff ? (
                <>
                  warm (from a cache): <CacheOffNote />
                </>
              ) : (
                <>
                  warm (from a cache): mean <Figure value={warm.queriesPerCheck.mean} format={formatRatio} /> over {formatCount(warm.inFigures)} checks
                </>
              )}
            </span>
          </>
        );
      }),
    },
    {
      id: "latency",
      label: "Auth-check latency",
      hint: "wall time of the authoritative check; cold and warm apart",
      cells: perMode((mode) => {
        const { visitors, labs, rejected } = snapshot[mode];
        return (
          <>
            cold p50 <Figure value={visitors.cold.latencyMicros.p50} format={formatMicros} /> · p95{" "}
            <Figure value={visitors.cold.latencyMicros.p95} format={formatMicros} />
            <span className={small}>over {formatCount(visitors.cold.inFigures)} cold checks (no cache answered)</span>
            <span className={small}>
              {cacheOff ? (
                <>
                  warm: <CacheOffNote />
                </>
              ) : (
                <>
                  warm p50 <Figure value={visitors.warm.latencyMicros.p50} format={formatMicros} /> · p95{" "}
                  <Figure value={visitors.warm.latencyMicros.p95} format={formatMicros} /> over {formatCount(visitors.warm.inFigures)} checks a cache
                  answered
                </>
              )}
            </span>
            <span className={small}>
              not in these figures: {formatCount(labs.accepted)} lab checks (charted apart above), {formatCount(rejected)} refused
            </span>
          </>
        );
      }),
    },
  ];
}
