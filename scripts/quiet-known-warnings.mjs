// Loaded into the unit and integration test processes by scripts/test.mjs (NODE_OPTIONS=--import).
// A green run should print nothing alarming, so the Node warnings it is *known* to raise, which
// say nothing about this code, are dropped by their exact text. Every other warning, experimental
// or not, still prints: `--disable-warning=ExperimentalWarning` would have hidden them all.
const KNOWN = [
  // lib/auth/session/seal.test.ts: iron-session reads Date.now itself, so expiry is tested with
  // node:test's mock timers, which the Node 20 line this project supports still calls experimental.
  /^The MockTimers API is an experimental feature/,
];

const emitWarning = process.emitWarning;
process.emitWarning = function emitUnlessKnown(warning, ...rest) {
  const text = typeof warning === "string" ? warning : (warning?.message ?? "");
  if (KNOWN.some((pattern) => pattern.test(text))) return;
  return emitWarning.call(process, warning, ...rest);
};
