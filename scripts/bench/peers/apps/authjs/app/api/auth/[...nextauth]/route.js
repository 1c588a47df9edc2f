import { handlers } from "../../../../auth.js";

// /api/auth/csrf, /api/auth/callback/credentials (sign-in), /api/auth/signout: Auth.js's own.
export const { GET, POST } = handlers;
