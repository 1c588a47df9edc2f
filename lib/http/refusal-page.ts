/**
 * The small HTML page proxy.ts answers with when it refuses a page request itself (a host it
 * does not serve, a path that is not valid percent-encoding): Next's own answer there would be
 * a bare 500 without our headers. Static text only (nothing from the request is echoed), and a
 * policy that lets the page load nothing at all. No imports: the proxy must stay cheap.
 */

const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function refusalPage(status: number, title: string, paragraphs: readonly string[]): Response {
  const body = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#0f172a}</style>",
    `</head><body><h1>${title}</h1>`,
    ...paragraphs.map((text) => `<p>${text}</p>`),
    "</body></html>",
  ].join("\n");
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": PAGE_POLICY,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    },
  });
}
