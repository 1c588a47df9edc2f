/**
 * Security headers for pages, built per request by proxy.ts. No imports on purpose: the proxy
 * must never reach the database (STYLE.md), and next.config.ts reads the static part too.
 */

/** Apply to every response, API included (next.config.ts): nothing here may be framed, etc. */
export const BASE_DIRECTIVES = ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"] as const;

/** RFC 6797: two years, subdomains too. Sent only over HTTPS (§7.2), and only in production. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64: unguessable, and a fresh one per response (CSP3 §6.7.2.3). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export interface PageSecurityOptions {
  nonce: string;
  production: boolean;
  /** Decided from the request URL alone: forwarded-proto headers are not trusted here. */
  https: boolean;
  /** Origins this one page may fetch besides its own (connect-src); none for almost every page. */
  connectSources?: readonly string[];
}

/** The cross-origin lab's page calls this very app under its other loopback name, on purpose. */
export const LOOPBACK_CONNECT_SOURCES = ["http://localhost:*", "http://127.0.0.1:*"] as const;

/**
 * A nonce-based strict CSP (Next 16's proxy pattern): Next reads the nonce from the request's
 * CSP header and puts it on its own scripts; 'strict-dynamic' lets those load the chunks they
 * import, and an injected <script> without the nonce does not run. Styles are Tailwind's
 * stylesheet from 'self' plus the few inline <style> tags Next writes, which carry the nonce.
 */
export function contentSecurityPolicy({ nonce, production, https, connectSources = [] }: PageSecurityOptions): string {
  const directives = [
    "default-src 'self'",
    ...(connectSources.length > 0 ? [`connect-src 'self' ${connectSources.join(" ")}`] : []),
    // React's development build uses eval for its debugging stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    `style-src 'self' 'nonce-${nonce}'`,
    ...BASE_DIRECTIVES,
    // Over plain http (a local demo) upgrading would break every subresource.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export type PageSecurityHeaders = {
  "Content-Security-Policy": string;
  "Strict-Transport-Security"?: string;
};

export function pageSecurityHeaders(options: PageSecurityOptions): PageSecurityHeaders {
  return { "Content-Security-Policy": contentSecurityPolicy(options), ...transportSecurityHeaders(options) };
}

/**
 * HSTS for every answer over HTTPS in production, the API's included: a browser that first meets
 * the site through an API call (a fetch, a redirect to /api/jwt/refresh) must learn it too.
 */
export function transportSecurityHeaders({ production, https }: { production: boolean; https: boolean }): { "Strict-Transport-Security"?: string } {
  return production && https ? { "Strict-Transport-Security": HSTS_VALUE } : {};
}
