/**
 * How a countdown reads, in the inspector and the header alike. Pure, so it is unit-tested
 * with fixed instants; the components only tick.
 */

/** Seconds left as `1 d 02:03:04`, `02:03:04` or `03:04`; never negative. */
export function formatRemaining(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const [days, hours, minutes, secs] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  const clock = hours > 0 || days > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(secs)}` : `${pad(minutes)}:${pad(secs)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

/** Seconds from `nowMs` until the ISO instant `until` (negative once it has passed). */
export function secondsUntil(until: string, nowMs: number): number {
  return (Date.parse(until) - nowMs) / 1000;
}

/**
 * The header's short form, a duration and never a clock reading: "exp 14:58" read as a time of
 * day beside the dashboard's "until 10:43 AM". Its two largest units, so it stays one short run
 * on a phone ("in 14 min 58 s", "in 1 h 59 min", "in 6 d 23 h"; the inspector has the exact
 * clock); "ended" from the first second without.
 */
export function remainingLabel(until: string, nowMs: number): string {
  const exact = secondsUntil(until, nowMs);
  if (exact <= 0) return "ended";
  const left = Math.floor(exact);
  const [days, hours, minutes, secs] = [Math.floor(left / 86400), Math.floor((left % 86400) / 3600), Math.floor((left % 3600) / 60), left % 60];
  if (days > 0) return `in ${days} d ${hours} h`;
  if (hours > 0) return `in ${hours} h ${minutes} min`;
  if (minutes > 0) return `in ${minutes} min ${secs} s`;
  return `in ${secs} s`;
}
