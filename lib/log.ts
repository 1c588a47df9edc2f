/**
 * Security-relevant events that must not pass silently but are not the caller's failure
 * either: one line each, a stable code first (what alerting and tests match on), then the
 * fields as JSON. Never a credential in the fields: a jti, an id or a mode, not a token.
 */
export type LogLevel = "warn" | "error";

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatEvent(code: string, fields: LogFields = {}): string {
  return `[auth] ${code} ${JSON.stringify(fields)}`;
}

export function logEvent(code: string, fields: LogFields = {}, level: LogLevel = "warn"): void {
  if (level === "error") console.error(formatEvent(code, fields));
  else console.warn(formatEvent(code, fields));
}
