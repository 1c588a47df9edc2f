import { PEER_ADDRESS_HEADER, peerAddressesStamped } from "./peer-address.ts";

/**
 * What the X-Forwarded-* headers are worth: exactly as much as TRUST_PROXY (lib/env.ts) says.
 * Anyone can send them; only the proxies we run append to them. With N trusted hops the client
 * is the N-th address from the right: each of our proxies appends the address it saw (HAProxy
 * `option forwardfor`: N=1). With none, the client is whoever opened the socket: the address
 * this process stamped on the request itself (peer-address.ts), never X-Forwarded-For, which
 * Next leaves as the client sent it. Where nothing was stamped, the address is unknown (null)
 * rather than whatever the sender claimed.
 */

export function clientAddress(headers: Headers, trustedHops: number, stamped = peerAddressesStamped()): string | null {
  if (trustedHops === 0) return stamped ? headers.get(PEER_ADDRESS_HEADER) || null : null;
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
