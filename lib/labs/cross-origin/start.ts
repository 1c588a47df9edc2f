import "server-only";

import { strategies } from "../../auth/registry.ts";
import { createThrowawayUser, deleteStaleThrowawayUsers } from "../throwaway-user.ts";
import { otherLoopbackOrigin } from "../../http/loopback-origin.ts";

/**
 * Starting the cross-origin lab: a throwaway user's JWT for the page on the other origin to
 * send as Bearer. Never the visitor's own credential: the token travels in a URL fragment
 * (never sent to a server, removed from the address bar by the page) to a page that is, for
 * the lesson's sake, "somebody else's site".
 */

/** How long a browser lab's throwaway user lives before the next run sweeps it. */
export const BROWSER_LAB_USER_SECONDS = 10 * 60;

export type CrossOriginStart = { ok: true; url: string } | { ok: false; code: "not_loopback" };

/** A fresh throwaway user's access token; earlier browser-lab users are swept first. */
export async function mintThrowawayAccessToken(now: Date, lab: string): Promise<string> {
  await deleteStaleThrowawayUsers(now, BROWSER_LAB_USER_SECONDS);
  const user = await createThrowawayUser("user");
  const issued = await strategies.jwt.signIn(
    { id: user.id, email: user.email, name: "Lab throwaway", role: user.role, tokenVersion: 0 },
    { now, userAgent: `${lab} lab`, ip: null },
  );
  const token = issued.apiFields.accessToken;
  if (typeof token !== "string") throw new Error(`${lab} lab: the JWT strategy issued no access token`);
  return token;
}

export async function startCrossOriginLab(host: string | null, now: Date): Promise<CrossOriginStart> {
  const origins = otherLoopbackOrigin(host);
  if (!origins) return { ok: false, code: "not_loopback" };
  const token = await mintThrowawayAccessToken(now, "cross-origin");
  const fragment = new URLSearchParams({ token, home: origins.home });
  return { ok: true, url: `${origins.other}/labs/cross-origin/foreign#${fragment}` };
}
