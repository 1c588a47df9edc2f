import { Agent, request as httpRequest } from "node:http";

/**
 * The fuzz suite's HTTP client and the contract every answer is held to.
 *
 * Plain node:http rather than Playwright's `request` fixture: that one keeps a cookie jar
 * (a fuzzed login's Set-Cookie would ride along on later cases, so a case would not be what
 * it says) and costs an IPC round-trip per request. One keep-alive agent per test.
 */

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

export function send(baseURL: string, agent: Agent, fuzzed: FuzzRequest): Promise<FuzzAnswer> {
  const url = new URL(baseURL);
  // Explicit: for GET, DELETE and OPTIONS node:http frames a body neither by length nor by
  // chunks, and the server then reads it as the next request on the connection.
  const headers = fuzzed.body ? { ...fuzzed.headers, "content-length": String(fuzzed.body.length) } : fuzzed.headers;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, agent, method: fuzzed.method, path: fuzzed.path, headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(fuzzed.body);
  });
}

/** Stack frames, library and framework text: none of it may reach a client, on any status. */
const LEAKS = [
  /\bat \S+ \(/, // "at fn (file:1:2)"
  /\bat [\w/.\\-]+:\d+:\d+/, // "at /app/file.js:1:2"
  /node_modules|\.next[\\/]server|webpack|turbopack/i,
  /\b(Type|Reference|Syntax|Range)Error\b|ZodError|Prisma|Unexpected token|Invalid input: expected/,
  /<!DOCTYPE|<html/i, // Next's own error pages instead of the API's JSON
];

/**
 * The answers that carry no body, precisely:
 * - 204: our logout and session revocation; OPTIONS (with `Allow`, below);
 * - 3xx: our redirects (form logout, the page refresh) and Next's 308 for a path with `//`
 *   or a trailing slash, whose body is just the target; all must stay on this site;
 * - 400 with an empty body to a method no route can have (WebDAV, QUERY): Next's own, from the
 *   route module. proxy.ts used to answer those 405 in the envelope, but it no longer runs on
 *   /api (its cost: docs/PERFORMANCE.md), and no route code runs before Next's check.
 * - any answer to HEAD.
 * Every other non-2xx answer is the error envelope; every other 2xx answer is JSON. A 405 is
 * the envelope too (`method_not_allowed`), never Next's bare one: every route exports the
 * methods it does not serve from lib/http/method-refusal.ts, and a 405 must carry `Allow`
 * (RFC 9110 §15.5.6), as must an answer to OPTIONS (§9.3.7).
 */
/** The methods a Next route handler can export. */
const ROUTABLE_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/**
 * @param allow  the `Allow` this route must send with a 405 or to OPTIONS, when the caller
 *               knows it (the route's own methods)
 */
export function contractViolations(
  fuzzed: FuzzRequest,
  answer: FuzzAnswer,
  allowed5xx: readonly { status: number; code: string }[] = [],
  allow?: string,
): string[] {
  const problems: string[] = [];
  const text = answer.body.toString("utf8");
  for (const leak of LEAKS) if (leak.test(text)) problems.push(`body leaks ${leak}: ${text.slice(0, 300)}`);
  const { status } = answer;
  if (status === 405 || (fuzzed.method === "OPTIONS" && status >= 200 && status < 300)) problems.push(...allowProblems(fuzzed.method, answer.headers.allow, allow));
  const nextsOwn400 = status === 400 && answer.body.length === 0 && !ROUTABLE_METHODS.includes(fuzzed.method);
  if (fuzzed.method === "HEAD" || status === 204 || nextsOwn400 || (status >= 300 && status < 400)) {
    const nextsRedirectBody = status === 308 && text === answer.headers.location;
    if (answer.body.length > 0 && !nextsRedirectBody) problems.push(`${status} with a body: ${text.slice(0, 200)}`);
    if (status >= 300 && status < 400) problems.push(...redirectProblems(answer.headers.location));
    return problems;
  }
  if (!/^application\/json/.test(String(answer.headers["content-type"] ?? ""))) problems.push(`content-type ${answer.headers["content-type"]}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [...problems, `body is not JSON: ${text.slice(0, 200)}`];
  }
  if (status < 300) return problems;
  const envelope = envelopeProblem(parsed);
  if (envelope) problems.push(`${status} not in the error envelope (${envelope}): ${text.slice(0, 200)}`);
  const code = (parsed as { error?: { code?: unknown } }).error?.code;
  if (status === 405 && code !== "method_not_allowed") problems.push(`405 with code ${String(code)}`);
  if (status >= 500 && !allowed5xx.some((allowed) => allowed.status === status && allowed.code === code)) problems.push(`${status} ${String(code)}`);
  return problems;
}

/**
 * `Allow` on a 405 or an OPTIONS answer: present, OPTIONS in it, HEAD exactly where GET is, and
 * never the method just refused; the route's own list where it is known.
 */
function allowProblems(method: string, header: string | string[] | undefined, expected: string | undefined): string[] {
  if (typeof header !== "string" || header === "") return [`no Allow on ${method === "OPTIONS" ? "an answer to OPTIONS" : "a 405"}`];
  const listed = header.split(",").map((name) => name.trim());
  const problems: string[] = [];
  if (!listed.includes("OPTIONS")) problems.push(`Allow without OPTIONS: ${header}`);
  if (listed.includes("GET") !== listed.includes("HEAD")) problems.push(`Allow with GET or HEAD alone: ${header}`);
  if (method !== "OPTIONS" && listed.includes(method)) problems.push(`405 to ${method}, which Allow lists: ${header}`);
  if (expected !== undefined && header !== expected) problems.push(`Allow ${header}, not ${expected}`);
  return problems;
}

function envelopeProblem(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "not an object";
  if (Object.keys(body).join() !== "error") return `top-level keys ${Object.keys(body).join()}`;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return "error is not an object";
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !/^[a-z][a-z0-9_]*$/.test(code)) return `code ${JSON.stringify(code)}`;
  if (typeof message !== "string" || message.length === 0) return "message";
  const extra = Object.keys(error).filter((key) => !["code", "message", "details"].includes(key));
  return extra.length > 0 ? `extra keys ${extra.join()}` : null;
}

/** Relative and on this site: never `//host`, `/\host` or an absolute URL (open redirect). */
function redirectProblems(location: string | string[] | undefined): string[] {
  if (typeof location !== "string") return ["a redirect without Location"];
  return /^\/(?![/\\])/.test(location) ? [] : [`redirect off-site: ${location}`];
}
