import { createRemoteJWKSet, jwtVerify } from "jose";
import { auth } from "../../../lib/auth.js";

export const dynamic = "force-dynamic";
const NO_STORE = { "Cache-Control": "no-store" };

// With the JWT plugin, a service verifies the Bearer token against the JWKS, as the plugin's
// documentation shows (jose fetches the key set once and keeps it); otherwise getSession.
const base = process.env.BETTER_AUTH_URL;
const jwks = process.env.PEER_CONFIG === "jwt" ? createRemoteJWKSet(new URL("/api/auth/jwks", base)) : null;

export async function GET(request) {
  const user = jwks ? await userFromBearer(request) : (await auth.api.getSession({ headers: request.headers }))?.user;
  if (!user) return Response.json({ error: "unauthorized" }, { status: 401, headers: NO_STORE });
  return Response.json({ user: { id: user.id, email: user.email } }, { headers: NO_STORE });
}

async function userFromBearer(request) {
  const token = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: base, audience: base });
    return { id: payload.sub, email: payload.email };
  } catch {
    return null; // Expired, forged or malformed: refused like a missing one.
  }
}
