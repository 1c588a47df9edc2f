// Loaded into the unit, integration and engine test processes by the test runner (`--import`,
// main.ts). A green run should print nothing alarming, so the Node warnings it is *known* to
// raise, which say nothing about this code, are dropped by their exact text. Every other warning,
// experimental or not, still prints: `--disable-warning=ExperimentalWarning` would have hidden them all.
const KNOWN = [
  // lib/auth/session/seal.test.ts: iron-session reads Date.now itself, so expiry is tested with
  // node:test's mock timers, which the Node 20 line this project supports still calls experimental.
  /^The MockTimers API is an experimental feature/,
];

/** True for a warning this project is known to raise and has nothing to do with. */
export function isKnownWarning(warning: string | Error | undefined): boolean {
  const text = typeof warning === "string" ? warning : (warning?.message ?? "");
  return KNOWN.some((pattern) => pattern.test(text));
}

const emitWarning = process.emitWarning;
process.emitWarning = function emitUnlessKnown(warning: string | Error, ...rest: unknown[]): void {
  if (isKnownWarning(warning)) return;
  return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
} as typeof process.emitWarning;
