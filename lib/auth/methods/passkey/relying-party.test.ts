import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Config } from "../../../env.ts";
import { relyingPartyFor } from "./relying-party.ts";

const config = { PUBLIC_ORIGINS: ["https://app.example.test"], TRUST_PROXY: 0, FLEET_INSTANCES: [] } as unknown as Config;
const host = (value: string) => new Headers({ host: value });

describe("relyingPartyFor", () => {
  test("localhost on any port: RP ID localhost, the exact origin expected", () => {
    assert.deepEqual(relyingPartyFor(host("localhost:4700"), config), { ok: true, party: { rpID: "localhost", rpName: "Session vs JWT", origin: "http://localhost:4700" } });
  });

  test("a configured public origin, reached through a trusted proxy", () => {
    const behindProxy = { ...config, TRUST_PROXY: 1 } as Config;
    const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "app.example.test", "x-forwarded-proto": "https" });
    const answer = relyingPartyFor(headers, behindProxy);
    assert.equal(answer.ok && answer.party.rpID, "app.example.test");
    assert.equal(answer.ok && answer.party.origin, "https://app.example.test");
  });

  test("an unconfigured host and an IP address are refused", () => {
    assert.equal(relyingPartyFor(host("rebind.example"), config).ok, false);
    assert.equal(relyingPartyFor(host("127.0.0.1:4700"), { ...config, PUBLIC_ORIGINS: ["http://127.0.0.1:4700"] } as unknown as Config).ok, false);
    assert.equal(relyingPartyFor(new Headers(), config).ok, false);
  });
});
