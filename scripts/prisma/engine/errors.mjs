// Errors in the shapes the prisma CLI reads from the native engine.
import { takePanicMessage } from "./wasm-engine.mjs";

/** A known, user-facing error with a Prisma error code (P1001, P1003, ...). */
export class UserFacingError extends Error {
  /** @param {string} code @param {string} message @param {object} [meta] */
  constructor(code, message, meta) {
    super(message);
    this.code = code;
    this.meta = meta;
  }
}

/**
 * The `data` of a JSON-RPC error. The CLI shows `message`, branches on `error_code` (P3005,
 * P3006, ...) and words panics differently, so each must survive the trip from the wasm engine.
 */
export function toRpcErrorData(error) {
  const panic = takePanicMessage();
  if (panic !== null) return { is_panic: true, message: panic, backtrace: String(error?.stack ?? "") };
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
  return code
    ? { is_panic: false, message, error_code: code, meta: error.meta ?? {} }
    : { is_panic: false, message };
}

/**
 * One log line on stderr, as the native engine's logger writes it. For `cli` sub-commands the CLI
 * finds the failure only there: the ERROR line of target `schema_engine::logger`.
 */
export function writeLogLine(level, fields) {
  const line = { timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
