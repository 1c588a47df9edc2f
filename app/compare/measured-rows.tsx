import { modeStyle } from "@/app/components/mode-style";
import type { AuthMode } from "@/lib/auth/types";
import type { ModeSnapshot, Sizes } from "@/lib/metrics/auth-metrics";
import { BROWSER_COOKIE_LIMIT, cookieHeadroom } from "@/lib/metrics/cookie-limit";
import { perMode, type CompareRow } from "./compare-row";
import { Figure, SizeList } from "./Figure";

/** The rows backed by lib/metrics: what visitors' authoritative checks and logins cost (the labs' apart). */

const small = "mt-1 block text-xs text-slate-500";

function CookieCell({ mode, sizes }: { mode: AuthMode; sizes: Sizes }) {
  return (
    <>
      p50 <Figure value={sizes.p50} unit="B" /> · max <Figure value={sizes.max} unit="B" />
      <span className={small}>
        headroom to {BROWSER_COOKIE_LIMIT}: <Figure value={sizes.max === null ? null : cookieHeadroom(sizes.max)} unit="B" />
      </span>
      <SizeList label={`Cookie sizes seen, ${modeStyle[mode].inline}`} values={sizes.distinct} />
      <span className={small}>from {sizes.samples} accepted checks that carried it</span>
    </>
  );
}

function SetCookieCell({ mode, sizes }: { mode: AuthMode; sizes: Sizes }) {
  return (
    <>
      last write <Figure value={sizes.last} unit="B" /> · max <Figure value={sizes.max} unit="B" />
      <SizeList label={`Set-Cookie sizes seen, ${modeStyle[mode].inline}`} values={sizes.distinct} />
      <span className={small}>over {sizes.samples} logins and refreshes</span>
    </>
  );
}

export function measuredRows(snapshot: Record<AuthMode, ModeSnapshot>, settings: Record<AuthMode, string>): CompareRow[] {
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
            mean <Figure value={cold.queriesPerCheck.mean} /> · max <Figure value={cold.queriesPerCheck.max} />
            <span className={small}>
              over {cold.inFigures} cold checks · {settings[mode]}
            </span>
            <span className={small}>
              warm (from a cache): mean <Figure value={warm.queriesPerCheck.mean} /> over {warm.inFigures} checks
            </span>
          </>
        );
      }),
    },
    {
      id: "latency",
      label: "Auth-check latency",
      hint: "wall time of the authoritative check, whole µs; cold and warm apart",
      cells: perMode((mode) => {
        const { visitors, labs, rejected } = snapshot[mode];
        return (
          <>
            cold p50 <Figure value={visitors.cold.latencyMicros.p50} unit="µs" /> · p95 <Figure value={visitors.cold.latencyMicros.p95} unit="µs" />
            <span className={small}>over {visitors.cold.inFigures} cold checks (no cache answered)</span>
            <span className={small}>
              warm p50 <Figure value={visitors.warm.latencyMicros.p50} unit="µs" /> · p95 <Figure value={visitors.warm.latencyMicros.p95} unit="µs" /> over{" "}
              {visitors.warm.inFigures} checks a cache answered
            </span>
            <span className={small}>
              not in these figures: {labs.accepted} lab checks (charted apart above), {rejected} refused
            </span>
          </>
        );
      }),
    },
  ];
}
