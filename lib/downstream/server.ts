import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { DownstreamKeySet } from "./key-set.ts";
import { logEvent, unexpectedErrorFields } from "../log.ts";
import { verifyDownstreamToken, type DownstreamRules } from "./verify.ts";

/**
 * The downstream service: plain node:http, no framework, no database, no secret. GET /whoami
 * with a Bearer token answers the verified claims, or 401 in the app's error envelope.
 */

/** RFC 6750 §2.1 (as the app parses it; lib/auth/request.ts is Next-bound, so not imported). */
function parseBearer(header: string | undefined): string | null {
  if (header === undefined || !/^Bearer(\s|$)/i.test(header)) return null;
  return /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header)?.[1] ?? "";
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  // RFC 6750 §3: the Bearer challenge, with an error code only when a token was presented.
  const challenge = status === 401 ? { "WWW-Authenticate": code === "no_credential" ? "Bearer" : `Bearer error="invalid_token"` } : undefined;
  send(response, status, { error: { code, message } }, challenge);
}

export interface DownstreamOptions extends DownstreamRules {
  keySet: DownstreamKeySet;
  jwksUrl: string;
  now?: () => Date;
}

export async function handleDownstreamRequest(request: IncomingMessage, response: ServerResponse, options: DownstreamOptions): Promise<void> {
  const path = new URL(request.url ?? "/", "http://downstream.invalid").pathname;
  if (path === "/healthz" && request.method === "GET") return send(response, 200, { ok: true });
  if (path !== "/whoami") return sendError(response, 404, "not_found", "No such endpoint. Try GET /whoami.");
  if (request.method !== "GET") return sendError(response, 405, "method_not_allowed", "Use GET.");
  const token = parseBearer(request.headers.authorization);
  if (token === null) return sendError(response, 401, "no_credential", "Send a token as Authorization: Bearer.");
  const verdict = await verifyDownstreamToken(token, options.keySet, options, options.now?.() ?? new Date());
  if (!verdict.ok) return sendError(response, verdict.status ?? 401, verdict.code, verdict.message);
  send(response, 200, {
    service: "downstream: trusts only the JWKS, has no database and no secret",
    claims: verdict.claims,
    checked: [
      "signature (EdDSA, key by kid from the JWKS; no jku/x5u/jwk/x5c)",
      "iss",
      `aud = ${options.audience} and nothing else`,
      "typ at+jwt",
      "exp, and iat not in the future",
      `exp - iat ≤ ${options.maxLifetimeSeconds} s`,
      "required claims (sub, role, ver, jti, src)",
    ],
    notChecked: ["logout, revocation, role changes: nothing after issue reaches this service before exp (≤ 60 s)"],
    jwksUrl: options.jwksUrl,
  });
}

export function createDownstreamServer(options: DownstreamOptions): Server {
  return createServer((request, response) => {
    handleDownstreamRequest(request, response, options).catch((error: unknown) => {
      // Details to the log only; the client gets the envelope, never a stack trace.
      logEvent("downstream_unexpected_error", unexpectedErrorFields(error), "error");
      if (!response.headersSent) sendError(response, 500, "internal_error", "Something went wrong on our side.");
      else response.end();
    });
  });
}
