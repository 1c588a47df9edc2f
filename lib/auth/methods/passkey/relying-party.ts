import "server-only";

import type { Config } from "../../../env.ts";
import { addressedOrigin } from "../../../http/proxy-trust.ts";

/**
 * Which relying party a WebAuthn ceremony runs for, from the origin the browser addressed —
 * but only when that origin is one this server is configured to be (PUBLIC_ORIGINS, the labs'
 * and the fleet's origins, or localhost on any port). Anything else is refused: an RP ID taken
 * from an unchecked Host header would let a rebinding page make passkeys for its own name.
 * The RP ID is the host name without port (WebAuthn §5.1.3), so one passkey works on every port
 * of `localhost` and on every instance behind one balancer name. An IP address can never be an
 * RP ID (browsers refuse it), hence 127.0.0.1 is not offered passkeys: use localhost.
 */
export interface RelyingParty {
  rpID: string;
  rpName: string;
  /** The exact origin the browser's clientDataJSON must name. */
  origin: string;
}

export type RelyingPartyAnswer = { ok: true; party: RelyingParty } | { ok: false; message: string };

export const PASSKEY_RP_NAME = "Session vs JWT";

export function relyingPartyFor(headers: Headers, config: Config): RelyingPartyAnswer {
  const { proto, host } = addressedOrigin(headers, config.TRUST_PROXY);
  if (!host) return { ok: false, message: "Passkeys need the Host this page was loaded from." };
  let url: URL;
  try {
    url = new URL(`${proto}://${host}`);
  } catch {
    return { ok: false, message: "Passkeys need a valid host name." };
  }
  const configured = [...config.PUBLIC_ORIGINS, config.LABS_ORIGIN, config.FLEET_BALANCER_URL, ...config.FLEET_INSTANCES]
    .filter((origin): origin is string => typeof origin === "string")
    .map((origin) => new URL(origin).origin);
  const allowed = url.hostname === "localhost" || configured.includes(url.origin);
  if (!allowed) return { ok: false, message: `Passkeys work on localhost and on the origins in PUBLIC_ORIGINS; ${url.origin} is neither.` };
  if (/^[\d.]+$|^\[/.test(url.hostname)) return { ok: false, message: "Passkeys cannot be bound to an IP address: open the app by its host name (localhost)." };
  return { ok: true, party: { rpID: url.hostname, rpName: PASSKEY_RP_NAME, origin: url.origin } };
}
