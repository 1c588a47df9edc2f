import { getConfig } from "../env.ts";
import { errorText, logEvent } from "../log.ts";

/**
 * The app calling the downstream service with a token it just minted, for the session
 * dashboard's button. Expected failures are values: the service may simply not be running.
 */

export type DownstreamCall =
  | { ok: true; status: number; body: unknown }
  | { ok: false; code: "downstream_unreachable"; message: string };

export async function callDownstreamWhoami(token: string): Promise<DownstreamCall> {
  const url = new URL("/whoami", getConfig().DOWNSTREAM_URL);
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5_000), cache: "no-store" });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: shown as text, which is what it is.
    }
    return { ok: true, status: response.status, body };
  } catch (error) {
    logEvent("downstream_unreachable", { origin: url.origin, error: errorText(error) });
    return { ok: false, code: "downstream_unreachable", message: `The downstream service is not answering at ${url.origin}. Start it with \`npm run downstream\` (DOWNSTREAM_URL sets where the app looks).` };
  }
}
