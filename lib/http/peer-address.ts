import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { existingProcessLocal, processLocal } from "../state/process-local.ts";

/**
 * The client's socket address, for throttles that count per client when no trusted proxy
 * reports one (TRUST_PROXY=0).
 *
 * Next 16 shows it to no handler: NextRequest lost `ip` in Next 15 (it was only ever filled by a
 * hosting platform), route handlers, server actions and the proxy get a Web `Request`, and
 * `next start` copies the socket address into X-Forwarded-For only when the request carries
 * none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, next/dist/server/base-server.js),
 * so a client that sends its own header chooses the address every handler sees.
 *
 * So the address is taken where Node still has it: Node's documented `http.server.request.start`
 * diagnostics channel fires for every request, with its socket, before the server's 'request'
 * listeners (Next's) run. This process writes the address into a header of its own, replacing
 * whatever a client sent under that name, and everything downstream (proxy, pages, actions,
 * route handlers: one process) reads it from the request headers. Honest limits: it is the
 * address of the last hop, so behind a proxy it names the proxy (TRUST_PROXY says how to read
 * X-Forwarded-For then), and it exists only where instrumentation.ts installed the hook — where
 * it did not (a bare `next start` of another build, a unit test), no address is claimed at all.
 */

export const PEER_ADDRESS_HEADER = "x-svj-peer-address";
const HOOK = "http:peer-address-hook";

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

/** Idempotent: once per process, whichever bundle asks first. */
export function stampPeerAddresses(): void {
  processLocal(HOOK, () => {
    subscribe("http.server.request.start", (message) => {
      const { request, socket } = message as RequestStart;
      request.headers[PEER_ADDRESS_HEADER] = normalizePeerAddress(socket.remoteAddress);
    });
    return true;
  });
}

/** Whether this process stamps every request; only then is the header ours rather than the sender's. */
export function peerAddressesStamped(): boolean {
  return existingProcessLocal<boolean>(HOOK) === true;
}

/** An IPv4 client of a dual-stack listener appears as `::ffff:a.b.c.d`: one client, one key. */
export function normalizePeerAddress(address: string | undefined): string {
  if (!address) return "";
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
}
