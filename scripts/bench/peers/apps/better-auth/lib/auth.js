// Better Auth as its documentation sets it up (email and password, the SQLite database handed
// over directly), in the one configuration PEER_CONFIG names:
//   database      the default: every getSession reads the session row
//   cookie-cache  session.cookieCache for 300 s: a signed session_data cookie answers instead
//   jwt           the JWT plugin: /api/auth/token issues a JWT a service verifies against /api/auth/jwks
import { betterAuth } from "better-auth";
import { jwt } from "better-auth/plugins";
import { openCountedDatabase } from "./db.js";

export const COOKIE_CACHE_SECONDS = 300;
const config = process.env.PEER_CONFIG ?? "database";

export const auth = betterAuth({
  database: openCountedDatabase(process.env.PEER_DB_FILE ?? "peer.db"),
  secret: process.env.BETTER_AUTH_SECRET,
  baseURL: process.env.BETTER_AUTH_URL,
  emailAndPassword: { enabled: true },
  session: config === "cookie-cache" ? { cookieCache: { enabled: true, maxAge: COOKIE_CACHE_SECONDS } } : {},
  // The plugin's tables exist in every configuration (setup migrates with all of them).
  plugins: config === "jwt" || process.env.PEER_SETUP === "1" ? [jwt()] : [],
});
