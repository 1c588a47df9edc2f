import "server-only";

import { randomUUID } from "node:crypto";
import type { Role } from "../users.ts";
import { logEvent, unexpectedErrorFields } from "../log.ts";
import { LabSetupError } from "./credentials.ts";
import { labsEnabled } from "./enabled.ts";
import { outageGate, runDatabaseOutageLab } from "./database-outage/run.ts";
import { originIsThisProcess } from "./origin-process.ts";
import { fleetInstances, fleetRequired, runFleetLab } from "./fleet/run.ts";
import { runKeyRotationLab } from "./key-rotation/run.ts";
import { paceLabRun } from "./pacing.ts";
import type { Refused } from "./database-outage/window.ts";
import { runStaleClaimsLab } from "./stale-claims/run.ts";
import { runStolenCredentialLab } from "./stolen-credential/run.ts";
import { oneStickyRunAtATime } from "./sticky-sessions/one-run-at-a-time.ts";
import { runStickySessionsLab, stickyBalancer } from "./sticky-sessions/run.ts";
import { recordLabResult } from "./store.ts";
import { runTamperingLab } from "./tampering/run.ts";
import { withThrowawayUser, type ThrowawayUser } from "./throwaway-user.ts";
import type { LabId, LabOutcome, LabResult } from "./types.ts";

/** Runs a lab end to end: checks, throwaway user, scenario, cleanup, recording. */

interface LabDefinition {
  role: Role;
  run(origin: string, user: ThrowawayUser): Promise<LabOutcome>;
  /** Wraps the whole run, user included: serialises it, or refuses it (as a value). */
  exclusive?<T>(run: () => Promise<T>): Promise<T | Refused>;
  /** Why this server cannot run the lab at all (no fleet), checked before any user is made. */
  unavailable?(): { status: number; code: string; message: string } | null;
}

const definitions: Record<LabId, LabDefinition> = {
  "stolen-credential": { role: "user", run: runStolenCredentialLab },
  tampering: { role: "user", run: runTamperingLab },
  "stale-claims": { role: "admin", run: runStaleClaimsLab },
  "database-outage": { role: "user", run: runDatabaseOutageLab, exclusive: (run) => outageGate().exclusive(run) },
  fleet: { role: "user", run: runFleetLab, unavailable: () => (fleetInstances() ? null : fleetRequired) },
  "key-rotation": { role: "user", run: runKeyRotationLab },
  "sticky-sessions": {
    role: "user",
    run: runStickySessionsLab,
    exclusive: oneStickyRunAtATime,
    unavailable: () => (stickyBalancer() ? null : fleetRequired),
  },
};

export type LabRun =
  | { ok: true; result: LabResult }
  | { ok: false; status: number; code: string; message: string; retryAfterSeconds?: number };

async function runWithThrowawayUser(lab: LabId, origin: string): Promise<LabResult> {
  const definition = definitions[lab];
  const startedAt = new Date().toISOString();
  const { result, user, deleted } = await withThrowawayUser(definition.role, (user) => definition.run(origin, user));
  return {
    lab,
    runId: randomUUID(),
    startedAt,
    finishedAt: new Date().toISOString(),
    origin,
    user: { email: user.email, role: user.role, deleted },
    ...result,
  };
}

/** `starter` is the logged-in user (verifyLabStarter) whose budget the run is charged to. */
export async function runLab(lab: LabId, origin: string, starter: { userId: string }): Promise<LabRun> {
  if (!labsEnabled()) return { ok: false, status: 404, code: "not_found", message: "The labs are switched off (LABS_ENABLED=false)." };
  if (!(await originIsThisProcess(origin))) {
    return { ok: false, status: 400, code: "origin_not_this_app", message: `${origin} is not this server, so the lab will not send requests there.` };
  }
  const { exclusive, unavailable } = definitions[lab];
  const refusal = unavailable?.();
  if (refusal) return { ok: false, ...refusal };
  try {
    const paced = await paceLabRun(
      starter.userId,
      () => (exclusive ? exclusive(() => runWithThrowawayUser(lab, origin)) : runWithThrowawayUser(lab, origin)),
      (outcome) => "refused" in outcome,
    );
    if (!paced.ran) {
      const who = paced.scope === "user" ? "You have run labs" : "Labs have run";
      const message = `${who} often this minute; try again in ${paced.retryAfterSeconds} s.`;
      return { ok: false, status: 429, code: "labs_busy", message, retryAfterSeconds: paced.retryAfterSeconds };
    }
    const outcome = paced.value;
    if ("refused" in outcome) {
      const message =
        outcome.code === "sticky_lab_busy"
          ? `Another sticky-sessions run is crashing an instance right now; try again in ${outcome.retryAfterSeconds} s.`
          : `The database was taken down moments ago; the next outage is allowed in ${outcome.retryAfterSeconds} s.`;
      return { ok: false, status: 429, code: outcome.code, message, retryAfterSeconds: outcome.retryAfterSeconds };
    }
    await recordLabResult(outcome);
    return { ok: true, result: outcome };
  } catch (error) {
    if (error instanceof LabSetupError) return { ok: false, status: 502, code: "lab_setup_failed", message: error.message };
    logEvent("lab_failed", { lab, ...unexpectedErrorFields(error) }, "error");
    return { ok: false, status: 500, code: "lab_failed", message: "The lab could not finish; the server log says why." };
  }
}
