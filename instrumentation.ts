/**
 * Runs once when the server starts: refuse to serve with a missing or weak secret rather
 * than discover it on the first login.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("./lib/env.ts");
  getConfig();
}
