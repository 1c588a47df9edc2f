import type { AuthMode } from "../auth/modes.ts";
import { APP } from "./app-constants.ts";
import type { ComponentCapacities } from "./costs.ts";
import type { ReaderInputs } from "./inputs.ts";
import type { Traffic } from "./traffic.ts";

/**
 * What each mode keeps in the database, by Little's law: rows stored = rows created per second ×
 * how long each stays. How long each stays is the app's own rule:
 * - a session row goes at logout; one that expires stays until the sweeper deletes it;
 * - a refresh family and all its tokens stay until the family's absolute expiry (a revoked family
 *   too: a replayed token must still be recognised as reuse), then until the sweeper;
 * - a denylist entry stays until its token's exp (plus the skew), then until the sweeper.
 * The sweeper deletes a row at most RETAIN_AFTER_END + one interval after its end
 * (SWEEP_INTERVAL_SECONDS; 0 turns it off, and then ended rows pile up for ever: the growth).
 * Stated assumption: tokens are created evenly over a family's active life.
 */

export interface Stored {
  liveBytes: number;
  /** Bytes a day that are never deleted: 0 with the sweeper on. */
  growthBytesPerDay: number;
  /** The longest an ended row waits for the sweeper; null when it is off. */
  lingerSeconds: number | null;
  parts: { label: string; bytes: number }[];
}

type RowBytes = ComponentCapacities["rowBytes"];

export function lingerSecondsOf(inputs: ReaderInputs): number | null {
  return inputs.sweepIntervalSeconds === 0 ? null : APP.sweepRetentionSeconds + inputs.sweepIntervalSeconds;
}

/** Denylist entry-seconds per revocation, before the sweeper: the jti's (the token's mean remaining life) and the family's (a whole token life), each plus the skew and a minute's margin. */
function denylistSecondsPerRevocation(inputs: ReaderInputs): number {
  return inputs.accessTokenSeconds / 2 + inputs.accessTokenSeconds + APP.clockSkewSeconds + 60;
}

function sessionStored(traffic: Traffic, rowBytes: RowBytes, linger: number | null): Stored {
  const expiringPerSecond = traffic.liveLogins / APP.sessionAbsoluteSeconds;
  const rows = traffic.liveLogins + expiringPerSecond * (linger ?? 0);
  return {
    liveBytes: rows * rowBytes.session,
    growthBytesPerDay: linger === null ? 86_400 * expiringPerSecond * rowBytes.session : 0,
    lingerSeconds: linger,
    parts: [{ label: "session rows", bytes: rows * rowBytes.session }],
  };
}

function jwtStored(inputs: ReaderInputs, traffic: Traffic, rowBytes: RowBytes, linger: number | null): Stored {
  const familyLife = APP.refreshFamilySeconds;
  // Mean active life of a login (Little's law): revocations cut it short of familyLife.
  const activeLife = traffic.logins > 0 ? Math.min(familyLife, traffic.liveLogins / traffic.logins) : familyLife;
  const tokensCreated = traffic.logins + traffic.renewals;
  const families = traffic.logins * (familyLife + (linger ?? 0));
  // A token created at age a of its family stays familyLife − a (+ linger); a is activeLife / 2 on average.
  const tokens = tokensCreated * (familyLife - activeLife / 2 + (linger ?? 0));
  const denylistEntries = traffic.revocations * (denylistSecondsPerRevocation(inputs) + 2 * (linger ?? 0));
  const parts = [
    { label: "refresh families", bytes: families * rowBytes.refreshFamily },
    { label: "refresh tokens", bytes: tokens * rowBytes.refreshToken },
    { label: "denylist entries", bytes: denylistEntries * rowBytes.revokedToken },
  ];
  const createdBytesPerSecond = traffic.logins * rowBytes.refreshFamily + tokensCreated * rowBytes.refreshToken + 2 * traffic.revocations * rowBytes.revokedToken;
  return {
    liveBytes: parts.reduce((sum, part) => sum + part.bytes, 0),
    growthBytesPerDay: linger === null ? 86_400 * createdBytesPerSecond : 0,
    lingerSeconds: linger,
    parts,
  };
}

export function storedOf(mode: AuthMode, inputs: ReaderInputs, traffic: Traffic, rowBytes: RowBytes): Stored {
  const linger = lingerSecondsOf(inputs);
  return mode === "session" ? sessionStored(traffic, rowBytes, linger) : jwtStored(inputs, traffic, rowBytes, linger);
}
