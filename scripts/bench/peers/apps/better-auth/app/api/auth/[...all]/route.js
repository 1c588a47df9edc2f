import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "../../../../lib/auth.js";

// Sign-up, sign-in (/api/auth/sign-in/email), sign-out, /token and /jwks: Better Auth's own endpoints.
export const { GET, POST } = toNextJsHandler(auth);
