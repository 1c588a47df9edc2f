import "server-only";

import { z } from "zod";
import { newPasswordSchema } from "../auth/methods/password/change.ts";
import { credentialsSchema } from "../auth/methods/password/sign-in.ts";
import { AUTH_MODES } from "../auth/modes.ts";

/**
 * Sign-up input, shared by the form and POST /api/register. The e-mail rules are the login's
 * (one definition of a valid address); the password rules are the password change's (ASVS 5.0
 * §6.2.1: at least 12 characters, no composition rules), plus the strength check after this.
 */
export const registrationSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for the name."),
  email: credentialsSchema.shape.email,
  password: newPasswordSchema,
  /** The mode to be logged in to afterwards; session mode unless the visitor came from JWT mode. */
  mode: z.enum(AUTH_MODES, { error: "Unknown mode." }).default("session"),
});
export type Registration = z.infer<typeof registrationSchema>;
