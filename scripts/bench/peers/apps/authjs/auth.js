// Auth.js v5 as its documentation sets it up for email and password: the Credentials provider
// and the JWT session strategy (its default, and the only one Credentials supports): the
// session is an encrypted JWT (JWE) in the authjs.session-token cookie, 30 days by default.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findUserByPassword } from "./lib/users.js";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => {
        if (typeof credentials?.email !== "string" || typeof credentials?.password !== "string") return null;
        return findUserByPassword(credentials.email, credentials.password);
      },
    }),
  ],
});
