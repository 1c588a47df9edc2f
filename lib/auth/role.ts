import { z } from "zod";

/**
 * The roles, on their own so crypto-only code (token verification in proxy.ts) can validate a
 * claim without importing lib/users.ts, whose database import would follow it into the proxy.
 */
export const roleSchema = z.enum(["user", "admin"]);
export type Role = z.infer<typeof roleSchema>;
