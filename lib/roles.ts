import { z } from "zod";

/**
 * Roles, apart from the user store: token claims and the proxy's edge code validate a role
 * without importing lib/users.ts, which would drag the database client into their graph.
 */
export const roleSchema = z.enum(["user", "admin"]);
export type Role = z.infer<typeof roleSchema>;
