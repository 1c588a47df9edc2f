import { jsonError } from "../http/responses.ts";

/**
 * What a caller shed by the hashing budget (budget.ts) is told: nothing about the account or
 * the password, only that the server is busy and when to come back. The same words on every
 * form and the same 429 + Retry-After on every API route.
 */

export const PASSWORD_CHECKS_BUSY = "This server is checking too many passwords right now.";

export function passwordChecksBusyText(retryAfterSeconds: number): string {
  return `${PASSWORD_CHECKS_BUSY} Try again in ${retryAfterSeconds} s.`;
}

export function passwordChecksBusyResponse(retryAfterSeconds: number): Response {
  const response = jsonError(429, "password_checks_busy", passwordChecksBusyText(retryAfterSeconds));
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}
