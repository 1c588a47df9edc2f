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

/** The header's short form: the clock while time is left, "ended" from the first second without. */
export function remainingLabel(until: string, nowMs: number): string {
  const left = secondsUntil(until, nowMs);
  return left > 0 ? formatRemaining(left) : "ended";
}
