/**
 * Pages may describe a credential but never print the replayable whole: an httpOnly cookie
 * echoed into HTML is readable by any script on the origin (`fetch('/session/inspect')`),
 * which is exactly what HttpOnly exists to prevent (ASVS 5.0 §3.3.4). Enough stays visible to
 * recognise the value (its ends, its size); nothing that would let anyone present it.
 */

const HEAD = 6;
const TAIL = 4;

/** "Fe26.2…~2Ab (318 bytes elided)"; a value too short to keep both ends is elided whole. */
export function elideSecret(value: string): string {
  const bytes = Buffer.byteLength(value);
  if (value.length <= 3 * (HEAD + TAIL)) return `… (${bytes} bytes elided)`;
  const kept = value.slice(0, HEAD) + value.slice(-TAIL);
  return `${value.slice(0, HEAD)}…${value.slice(-TAIL)} (${bytes - Buffer.byteLength(kept)} bytes elided)`;
}
