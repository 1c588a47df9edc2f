import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { existingProcessLocal, processLocal } from "../state/process-local.ts";

/**
 * The client's socket address, for throttles that count per client when no trusted proxy reports
 * one (TRUST_PROXY=0). Next 16 shows it to no handler, so a diagnostics-channel hook stamps it into
 * a header of our own before Next sees the request (docs/SECURITY.md, 'Client addresses').
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
