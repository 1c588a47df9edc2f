/**
 * The two ways this app authenticates the same users. Its own file, with no imports, so
 * edge code (proxy.ts) can name the modes without reaching anything else.
 */
export const AUTH_MODES = ["session", "jwt"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export function isAuthMode(value: string): value is AuthMode {
  return (AUTH_MODES as readonly string[]).includes(value);
}
