import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { SignJWT } from "jose";
import { localKeySet } from "../../../downstream/key-set.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS, downstreamTokenKind } from "../../../downstream/token-kind.ts";
import { secretBytes } from "../keys/crypto-keys.ts";
import { ACCESS_TOKEN_TYPE, BASE_REQUIRED_CLAIMS, verifyUnderPolicy, type BaseClaims, type KeyResolver, type RecipientRules, type TokenKind } from "./policy.ts";
import { edKeyPair, ISSUER, NOW, NOW_S, SKEW_S, type EdKeyPair } from "../keys/test-keys.ts";
import { accessClaimsSchema } from "./token.ts";
import { chooseFromAllowlist } from "./header.ts";

// The one verification policy, applied by each recipient with its own audience, lifetime, claim
// set and key lookup — under a frozen clock, as jose's own tests do. Every token of issue 18
// item 4 (exp = iat + 901, a huge exp, iat 60 s ahead, no ver) must get the same code from both.

let pair: EdKeyPair;
before(async () => {
  pair = await edKeyPair();
});

interface Recipient {
  name: string;
  rules: RecipientRules;
  kind: TokenKind<BaseClaims>;
  /** Claims a valid token for this recipient carries besides the base ones. */
  extra: Record<string, unknown>;
  resolver: () => KeyResolver;
}

const recipients: Recipient[] = [
  {
    name: "the app (kid allowlist)",
    rules: { issuer: ISSUER, audience: "app", clockSkewSeconds: SKEW_S, maxLifetimeSeconds: 900 },
    kind: { claims: accessClaimsSchema, requiredClaims: BASE_REQUIRED_CLAIMS },
    extra: { fid: "family-1" },
    resolver: () => (header) => chooseFromAllowlist(header, [pair.verifying]),
  },
  {
    name: "the downstream service (JWKS)",
    rules: { issuer: ISSUER, audience: "downstream", clockSkewSeconds: SKEW_S, maxLifetimeSeconds: DOWNSTREAM_TOKEN_MAX_SECONDS },
    kind: downstreamTokenKind,
    extra: { src: "jwt" },
    resolver: () => {
      const keySet = localKeySet({ keys: [{ kid: pair.kid, ...pair.publicJwk, alg: "EdDSA", use: "sig" }] });
      return (header) => keySet.choose(header);
    },
  },
];

interface Forgery {
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}

for (const recipient of recipients) {
  const { rules } = recipient;
  const life = rules.maxLifetimeSeconds;

  async function forge({ claims = {}, header = {}, key }: Forgery = {}): Promise<string> {
    const payload = { sub: "user-1", role: "user", ver: 0, jti: "jti-1", iat: NOW_S, exp: NOW_S + life, iss: ISSUER, aud: rules.audience, ...recipient.extra, ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: "EdDSA", typ: ACCESS_TOKEN_TYPE, kid: pair.kid, ...header }).sign(key ?? pair.signing.key);
  }

  async function codeOf(token: string, now = NOW): Promise<string> {
    const result = await verifyUnderPolicy(token, recipient.resolver(), { ...rules, ...recipient.kind }, now);
    return result.ok ? "ok" : result.code;
  }

  describe(`verifyUnderPolicy, as ${recipient.name}`, () => {
    test("a token minted for this recipient verifies (so each refusal below is about one change)", async () => {
      assert.equal(await codeOf(await forge()), "ok");
    });

    describe("the tokens the downstream used to accept (issue 18 item 4)", () => {
      test("exp = iat + 901 → token_lifetime_too_long", async () => {
        assert.equal(await codeOf(await forge({ claims: { exp: NOW_S + 901 } })), "token_lifetime_too_long");
      });
      test("a huge exp → token_lifetime_too_long", async () => {
        assert.equal(await codeOf(await forge({ claims: { exp: NOW_S + 10 * 365 * 86400 } })), "token_lifetime_too_long");
      });
      test("iat 60 s in the future → token_issued_in_future", async () => {
        assert.equal(await codeOf(await forge({ claims: { iat: NOW_S + 60, exp: NOW_S + 60 + life } })), "token_issued_in_future");
      });
      test("no ver → token_missing_ver", async () => {
        assert.equal(await codeOf(await forge({ claims: { ver: undefined } })), "token_missing_ver");
      });
    });

    describe("age, at the edges of the skew", () => {
      test(`exp − iat of exactly ${life} s is accepted; one more second is not`, async () => {
        assert.equal(await codeOf(await forge({ claims: { exp: NOW_S + life } })), "ok");
        assert.equal(await codeOf(await forge({ claims: { exp: NOW_S + life + 1 } })), "token_lifetime_too_long");
      });
      test("iat up to the skew ahead is accepted, one second more is not", async () => {
        assert.equal(await codeOf(await forge({ claims: { iat: NOW_S + SKEW_S, exp: NOW_S + SKEW_S + 10 } })), "ok");
        assert.equal(await codeOf(await forge({ claims: { iat: NOW_S + SKEW_S + 1, exp: NOW_S + SKEW_S + 11 } })), "token_issued_in_future");
      });
      test("accepted until exp + skew, refused from then on", async () => {
        const token = await forge({ claims: { exp: NOW_S + 10 } });
        assert.equal(await codeOf(token, new Date((NOW_S + 10 + SKEW_S - 1) * 1000)), "ok");
        assert.equal(await codeOf(token, new Date((NOW_S + 10 + SKEW_S) * 1000)), "token_expired");
      });
    });

    describe("one audience per recipient", () => {
      test("another recipient's audience → token_wrong_aud", async () => {
        assert.equal(await codeOf(await forge({ claims: { aud: "someone-else" } })), "token_wrong_aud");
      });
      test("this recipient and another in one token → token_wrong_aud", async () => {
        assert.equal(await codeOf(await forge({ claims: { aud: [rules.audience, "someone-else"] } })), "token_wrong_aud");
        assert.equal(await codeOf(await forge({ claims: { aud: ["someone-else", rules.audience] } })), "token_wrong_aud");
      });
      test("this recipient alone, as a one-element array, is the same as the string", async () => {
        assert.equal(await codeOf(await forge({ claims: { aud: [rules.audience] } })), "ok");
      });
    });

    describe("issuer, type, required claims", () => {
      test("another issuer → token_wrong_iss; a plain JWT typ → token_wrong_typ", async () => {
        assert.equal(await codeOf(await forge({ claims: { iss: "someone-else" } })), "token_wrong_iss");
        assert.equal(await codeOf(await forge({ header: { typ: "JWT" } })), "token_wrong_typ");
      });
      for (const claim of recipient.kind.requiredClaims) {
        test(`no ${claim} → token_missing_${claim}`, async () => {
          assert.equal(await codeOf(await forge({ claims: { [claim]: undefined } })), `token_missing_${claim}`);
        });
      }
      test("a role it does not know, or a negative ver → token_claims_invalid", async () => {
        assert.equal(await codeOf(await forge({ claims: { role: "root" } })), "token_claims_invalid");
        assert.equal(await codeOf(await forge({ claims: { ver: -1 } })), "token_claims_invalid");
      });
    });

    describe("the header and the key", () => {
      for (const [name, value] of [["jku", "https://attacker.example/jwks.json"], ["x5u", "https://attacker.example/c.pem"], ["jwk", { kty: "OKP", crv: "Ed25519", x: "AAAA" }], ["x5c", ["MIIB"]]] as const) {
        test(`${name} → token_header_not_allowed, before any key is looked up`, async () => {
          assert.equal(await codeOf(await forge({ header: { [name]: value } })), "token_header_not_allowed");
        });
      }
      test("the algorithm is the key's: HS256 under the EdDSA key's kid (MACed with its public x) → token_alg_not_allowed", async () => {
        assert.equal(await codeOf(await forge({ header: { alg: "HS256" }, key: secretBytes(pair.publicJwk.x) })), "token_alg_not_allowed");
      });
      test("no kid → token_missing_kid; an unknown one → token_unknown_kid", async () => {
        assert.equal(await codeOf(await forge({ header: { kid: undefined } })), "token_missing_kid");
        assert.equal(await codeOf(await forge({ header: { kid: "not-ours" } })), "token_unknown_kid");
      });
      test("signed by another key under our kid → token_bad_signature", async () => {
        const other = await edKeyPair();
        assert.equal(await codeOf(await forge({ key: other.signing.key })), "token_bad_signature");
      });
    });
  });
}

describe("the two kinds are not interchangeable", () => {
  test("the downstream kind requires src; the app's does not know it and does not need it", () => {
    assert.ok(downstreamTokenKind.requiredClaims.includes("src"));
    assert.ok(!BASE_REQUIRED_CLAIMS.includes("src" as never));
  });
});
