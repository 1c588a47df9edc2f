import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { normalizePeerAddress, PEER_ADDRESS_HEADER, peerAddressesStamped, stampPeerAddresses } from "./peer-address.ts";

/** The stamp on a real node:http server, as `next start` runs one: forged headers lose. */
describe("stampPeerAddresses", () => {
  let server: Server;
  let port: number;

  before(async () => {
    stampPeerAddresses();
    stampPeerAddresses(); // a second bundle asking again must not subscribe twice
    server = createServer((incoming, outgoing) => outgoing.end(JSON.stringify(incoming.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(headers: Record<string, string>, localAddress?: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: "127.0.0.1", port, headers, localAddress }, (incoming) => {
        let body = "";
        incoming.on("data", (chunk: Buffer) => (body += chunk.toString()));
        incoming.on("end", () => resolve(JSON.parse(body)));
      });
      outgoing.on("error", reject).end();
    });
  }

  test("the handler sees the socket's address, whatever the client sent under that name", async () => {
    assert.equal(peerAddressesStamped(), true);
    assert.equal(await get({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" }), "127.0.0.1");
  });

  test("another source address is another client (Linux routes all of 127/8 to loopback)", { skip: process.platform !== "linux" }, async () => {
    assert.equal(await get({}, "127.0.0.7"), "127.0.0.7");
  });
});

test("normalizePeerAddress: an IPv4 client of a dual-stack socket is that IPv4 address", () => {
  assert.equal(normalizePeerAddress("::ffff:192.0.2.7"), "192.0.2.7");
  assert.equal(normalizePeerAddress("::1"), "::1");
  assert.equal(normalizePeerAddress(undefined), "");
});
