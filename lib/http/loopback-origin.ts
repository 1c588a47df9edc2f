/**
 * The cross-origin lab's second origin is this same server under its other loopback name (and
 * the only origin CORS answers in the demo: lib/http/cors.ts):
 * `localhost` and `127.0.0.1` are different origins AND different sites (a site is scheme +
 * registrable domain, and an IP address or `localhost` is its own), so the browser applies
 * CORS and SameSite between them exactly as between two real domains — with no second server
 * to start. Only loopback names are swapped: the redirect can never point anywhere else.
 */
export function otherLoopbackOrigin(host: string | null): { home: string; other: string } | null {
  const match = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/.exec(host ?? "");
  if (!match) return null;
  const port = match[2] ? `:${match[2]}` : "";
  const name = match[1]!;
  return { home: `http://${name}${port}`, other: `http://${name === "localhost" ? "127.0.0.1" : "localhost"}${port}` };
}
