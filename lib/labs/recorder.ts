import "server-only";

import { redactBody, redactRequestHeaders, relevantResponseHeaders } from "./redact.ts";
import type { LabStep } from "./types.ts";

/**
 * A small HTTP client that writes down every exchange it makes, the way a reader of the lab
 * needs to see it. It talks to the app's own endpoints over real HTTP: nothing is simulated.
 */

export interface LabRequest {
  method?: "GET" | "POST";
  path: string;
  /** Sent as `Cookie: name=value`. */
  cookie?: { name: string; value: string };
  /** More cookies in the same header, after `cookie` (e.g. a balancer's sticky cookie). */
  moreCookies?: { name: string; value: string }[];
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  /** One extra header, recorded with its value replaced by `shown` (e.g. a per-run secret). */
  marker?: { name: string; value: string; shown: string };
  json?: unknown;
  decisive?: boolean;
  /** Give up after this long; the step then records no response. Default 5 s. */
  timeoutMs?: number;
}

export interface LabAnswer {
  /** null when no answer came. */
  status: number | null;
  body: unknown;
  setCookies: string[];
  /** Who answered, as a balancer in front names it (X-Instance); null without one. */
  instance: string | null;
}

export interface LabClient {
  readonly steps: LabStep[];
  send(label: string, request: LabRequest): Promise<LabAnswer>;
  /** Writes down a server-side event; it is shown just before the next exchange. */
  happened(event: string): void;
}

export function createLabClient(origin: string): LabClient {
  const steps: LabStep[] = [];
  let event: string | undefined;
  return {
    steps,
    happened(description) {
      event = description;
    },
    async send(label, request) {
      const method = request.method ?? "GET";
      const headers: Record<string, string> = {};
      const cookies = [...(request.cookie ? [request.cookie] : []), ...(request.moreCookies ?? [])];
      if (cookies.length > 0) headers.cookie = cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
      if (request.bearer !== undefined) headers.authorization = `Bearer ${request.bearer}`;
      if (request.json !== undefined) headers["content-type"] = "application/json";
      const shownHeaders = redactRequestHeaders(headers);
      if (request.marker) {
        headers[request.marker.name] = request.marker.value;
        shownHeaders[request.marker.name] = request.marker.shown;
      }
      const recorded = {
        method,
        path: request.path,
        headers: shownHeaders,
        ...(request.json === undefined ? {} : { body: redactBody(request.json) }),
      };
      const step: LabStep = { label, request: recorded, response: null, ...(request.decisive ? { decisive: true } : {}), ...(event ? { after: event } : {}) };
      event = undefined;
      steps.push(step);
      const started = performance.now();
      try {
        const response = await fetch(new URL(request.path, origin), {
          method,
          headers,
          body: request.json === undefined ? undefined : JSON.stringify(request.json),
          // Never follow: a redirect is an answer to show, and must not lead off this app.
          redirect: "manual",
          cache: "no-store",
          signal: AbortSignal.timeout(request.timeoutMs ?? 5000),
        });
        const body = await readBody(response);
        const ms = Math.round(performance.now() - started);
        step.response = { status: response.status, headers: relevantResponseHeaders(response.headers), body: redactBody(body), ms };
        return { status: response.status, body, setCookies: response.headers.getSetCookie(), instance: response.headers.get("x-instance") };
      } catch (error) {
        step.error = error instanceof Error && error.name === "TimeoutError" ? "No answer in time." : "The request failed before an answer came.";
        return { status: null, body: null, setCookies: [], instance: null };
      }
    },
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  if (!(response.headers.get("content-type") ?? "").includes("json")) return text.slice(0, 500);
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}

/** The value a Set-Cookie list gives `name`, as the server wrote it (still cookie-encoded). */
export function cookieFrom(setCookies: string[], name: string): string | undefined {
  const line = setCookies.find((candidate) => candidate.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(";")[0];
}

/** `error.code` of our JSON errors, `accepted` for a 2xx, `no_answer` when none came. */
export function answerCode(answer: Pick<LabAnswer, "status" | "body">): string {
  if (answer.status === null) return "no_answer";
  if (answer.status >= 200 && answer.status < 300) return "accepted";
  const error = (answer.body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === "string" ? error.code : `http_${answer.status}`;
}
