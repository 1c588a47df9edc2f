import "server-only";

import { headers } from "next/headers";
import { getConfig } from "../env.ts";
import { isPlainHttpOffLoopback, localhostUrl } from "../http/insecure-origin.ts";
import { addressedOrigin } from "../http/proxy-trust.ts";
import type { AuthMode } from "./types.ts";

/**
 * Logins and sign-ups are refused over plain HTTP on any host but loopback, before a password
 * is checked or a row written (lib/http/insecure-origin.ts says why). The answer names the
 * localhost address of the same page, for the person at the machine running the app.
 */
export async function refusePlainHttpLogin(mode: AuthMode): Promise<{ localhostUrl: string } | null> {
  const origin = addressedOrigin(await headers(), getConfig().TRUST_PROXY);
  return isPlainHttpOffLoopback(origin) ? { localhostUrl: localhostUrl(origin, `/${mode}/login`) } : null;
}

/** The explanation both the form and the JSON API give. */
export const PLAIN_HTTP_LOGIN_REFUSED =
  "Logging in over plain HTTP on this address is refused: the password and the credential would cross the network unencrypted, and the browser would drop the Secure login cookie. Use localhost on the machine running the app, or serve it over HTTPS.";
