/**
 * How often the session row's lastSeenAt is written, in words, from the configured
 * SESSION_TOUCH_INTERVAL_SECONDS: copy that said "once a minute" was wrong for any other setting.
 */
export function touchIntervalPhrase(seconds: number): string {
  if (seconds <= 0) return "on every request";
  if (seconds % 60 === 0) return seconds === 60 ? "at most once a minute" : `at most once every ${seconds / 60} minutes`;
  return seconds === 1 ? "at most once a second" : `at most once every ${seconds} seconds`;
}
