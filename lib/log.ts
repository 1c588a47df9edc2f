import { AsyncLocalStorage } from "node:async_hooks";
import { processLocal } from "./state/process-local.ts";

/**
 * Security-relevant events that must not pass silently but are not the caller's failure
 * either: one line each, a stable code first (what alerting and tests match on), then the
 * fields as JSON. Never a credential in the fields: a jti, an id or a mode, not a token.
 */
export type LogLevel = "info" | "warn" | "error";

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface LoggedEvent {
  code: string;
  fields: LogFields;
  level: LogLevel;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** For an error nobody expected: its message and where it came from (a stack names code, not data). */
export function unexpectedErrorFields(error: unknown): LogFields {
  return { error: errorText(error), stack: error instanceof Error ? error.stack : undefined };
}

export function formatEvent(code: string, fields: LogFields = {}): string {
  return `[auth] ${code} ${JSON.stringify(fields)}`;
}

// Per process, not per module copy: Next bundles the start-up hook, the pages and the route
// handlers apart, and a capture begun in one bundle (the outage lab's hook, registered at
// start-up) must hear the events logged in another (the route handler it wraps).
const captured = processLocal("log:captured-events", () => new AsyncLocalStorage<LoggedEvent[]>());

export function logEvent(code: string, fields: LogFields = {}, level: LogLevel = "warn"): void {
  const sink = captured.getStore();
  if (sink) return void sink.push({ code, fields, level });
  if (level === "error") console.error(formatEvent(code, fields));
  else if (level === "warn") console.warn(formatEvent(code, fields));
  else console.info(formatEvent(code, fields));
}

/**
 * For a test that provokes events on purpose (an outage, a refused admin action): the events
 * logged while `run` runs are handed back for it to assert on, instead of printed. A green run
 * then prints only the events nobody expected; a test that expects none can assert that too.
 */
export async function captureEvents<T>(run: () => Promise<T> | T): Promise<{ result: T; events: LoggedEvent[] }> {
  const events: LoggedEvent[] = [];
  const result = await captured.run(events, run);
  return { result, events };
}
