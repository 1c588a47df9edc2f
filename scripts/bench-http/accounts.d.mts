/** Types for accounts.mjs (plain JavaScript, so `node scripts/bench-http.mjs` runs without a compiler). */
import type { Cookie } from "./http.mjs";
export interface Credential {
  mode: string;
  userId: string;
  cookies: Cookie[];
  accessToken?: string;
  refreshToken?: string;
  presentAs?: "cookie";
}
export function logIn(origin: string, mode: string, email: string, password: string): Promise<Credential>;
export function presentHeaders(credential: Credential, path: string): Record<string, string>;
export function meStatus(origin: string, credential: Credential): Promise<number>;
export function tokenAlg(token: string): string | null;
