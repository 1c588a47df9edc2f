/**
 * Timestamps as a reader wants them: the stable UTC form the server can render (it cannot know
 * the reader's zone), and the local + relative form ("in 14 minutes", "3 minutes ago") the
 * browser shows once it runs. Pure: the clock and the locale are arguments.
 */

/** `2026-11-26 16:55:24 UTC`: the same on every machine, so the server and the first client render agree. */
export function utcLabel(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/**
 * The largest unit the distance fills at least once, rounded toward zero ("1 hour ago" until
 * two hours have passed, never "2 hours" after 90 minutes). Under 10 s it is "now": second-level
 * precision only ages badly on a page that is not re-rendered.
 */
export function relativeParts(at: Date, now: Date): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = (at.getTime() - now.getTime()) / 1000;
  const size = Math.abs(seconds);
  if (size < 10) return { value: 0, unit: "second" };
  for (const [unit, length] of UNITS) {
    if (size >= length) return { value: Math.trunc(seconds / length), unit };
  }
  return { value: 0, unit: "second" };
}

export function relativeLabel(at: Date, now: Date, locale?: string): string {
  const { value, unit } = relativeParts(at, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(value, unit);
}

/** The reader's own zone and conventions (the runtime's, on the server), seconds left out. */
export function localLabel(at: Date, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}
