import "server-only";

import { z } from "zod";
import { jsonError } from "./json.ts";

/** Far above any legitimate body of ours (a login is ~100 bytes), far below a nuisance. */
export const MAX_JSON_BYTES = 16 * 1024;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Content type, size, syntax and shape, checked once at the edge with clear 4xx answers. */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<BodyResult<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return fail(415, "unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) return fail(413, "body_too_large", `The body may be at most ${MAX_JSON_BYTES} bytes.`);
  const text = await readCapped(request, MAX_JSON_BYTES);
  if (text === "unreadable") return fail(400, "unreadable_body", "The request body could not be read.");
  if (text === "too_large") return fail(413, "body_too_large", `The body may be at most ${MAX_JSON_BYTES} bytes.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(400, "invalid_json", "The body is not valid JSON.");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail(400, "invalid_input", "The body must be a JSON object.");
  }
  const parsed = schema.safeParse(raw, { error: plainWording });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", problem: issue.message }));
    return { ok: false, response: jsonError(400, "invalid_input", "Some fields are missing or invalid.", fields) };
  }
  return { ok: true, data: parsed.data };
}

/**
 * Our own words for problems a schema did not word itself: zod's defaults are library text
 * ("Invalid input: expected string, received number") that the API promises not to leak.
 */
function plainWording(issue: { code?: string; expected?: unknown; values?: unknown[] }): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${issue.expected === "object" ? "an object" : `a ${String(issue.expected)}`}`;
    case "too_small":
      return "is too short";
    case "too_big":
      return "is too long";
    case "invalid_value":
      return `must be one of: ${(issue.values ?? []).map(String).join(", ")}`;
    default:
      return "is not valid";
  }
}

/** Stops reading at the cap, so a chunked body without Content-Length cannot fill memory. */
async function readCapped(request: Request, max: number): Promise<string | "too_large" | "unreadable"> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        return "too_large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return "unreadable";
  }
}

function fail(status: number, code: string, message: string): BodyResult<never> {
  return { ok: false, response: jsonError(status, code, message) };
}
