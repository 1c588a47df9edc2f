/**
 * What the X-Forwarded-* headers are worth: exactly as much as TRUST_PROXY (lib/env.ts) says.
 * Anyone can send them; only the proxies we run append to them. Next fills X-Forwarded-For
 * with the socket address only when the request has none (`??=`), and route handlers are not
 * shown the socket, so with TRUST_PROXY=0 the client's address is unknown (null) rather than
 * whatever the sender claimed. With N trusted hops the client is the N-th address from the
 * right: each of our proxies appends the address it saw (HAProxy `option forwardfor`: N=1).
 */

export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops === 0) return null;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  // Fewer entries than proxies we run: something in between is not ours; do not guess.
  if (chain.length < trustedHops) return null;
  return chain[chain.length - trustedHops]!.slice(0, 64);
}

/** The scheme and host the client addressed: forwarded values only behind a trusted proxy. */
export function addressedOrigin(headers: Headers, trustedHops: number): { proto: string; host: string | null } {
  if (trustedHops > 0) {
    const last = (name: string) => headers.get(name)?.split(",").at(-1)?.trim() || null;
    return { proto: last("x-forwarded-proto") ?? "http", host: last("x-forwarded-host") ?? headers.get("host") };
  }
  // `next start` serves plain HTTP; TLS in front of it means a proxy, which TRUST_PROXY names.
  return { proto: "http", host: headers.get("host") };
}
