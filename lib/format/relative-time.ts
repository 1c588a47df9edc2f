/**
 * Timestamps as a reader wants them: the stable UTC form the server can render (it cannot know
 * the reader's zone), and the local + relative form ("in 14 minutes", "3 minutes ago") the
 * browser shows once it runs. Pure: the clock and the locale are arguments.
 */

/** `2026-11-26 16:55:24 UTC`: the same on every machine, so the server and the first client render agree. */
export function utcLabel(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Each unit serves until the next one would read better (the thresholds moment.js made
 * familiar): 45 minutes is "in 1 hour", 22 hours is "tomorrow". Rounded to the nearest, so an
 * expiry 1 h 59 min away reads "in 2 hours", not "in 1 hour".
 */
const UNITS: { unit: Intl.RelativeTimeFormatUnit; seconds: number; below: number }[] = [
  { unit: "second", seconds: 1, below: 45 },
  { unit: "minute", seconds: MINUTE, below: 45 * MINUTE },
  { unit: "hour", seconds: HOUR, below: 22 * HOUR },
  { unit: "day", seconds: DAY, below: 26 * DAY },
  { unit: "month", seconds: 30.44 * DAY, below: 320 * DAY },
  { unit: "year", seconds: 365.25 * DAY, below: Infinity },
];

/** Under 10 s it is "now": second-level precision only ages badly on a page that is not re-rendered. */
export function relativeParts(at: Date, now: Date): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = (at.getTime() - now.getTime()) / 1000;
  const size = Math.abs(seconds);
  if (size < 10) return { value: 0, unit: "second" };
  const { unit, seconds: length } = UNITS.find((candidate) => size < candidate.below)!;
  return { value: Math.sign(seconds) * Math.max(1, Math.round(size / length)), unit };
}

export function relativeLabel(at: Date, now: Date, locale?: string): string {
  const { value, unit } = relativeParts(at, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(value, unit);
}

/** The reader's own zone and conventions (the runtime's, on the server), seconds left out. */
export function localLabel(at: Date, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}
