import "server-only";

import { randomBytes } from "node:crypto";
import { createUnreachableClient, runWithDatabase, type Db } from "../../db.ts";
import { captureEvents, errorText, logEvent, type LoggedEvent } from "../../log.ts";
import { processLocal } from "../../state/process-local.ts";

/**
 * How the database-outage lab breaks the database for its own requests and nobody else's.
 * Each outage gets a fresh 256-bit secret and its own unreachable client; the lab sends the
 * secret in LAB_OUTAGE_HEADER, and only a request carrying a secret of an outage that is
 * still open runs with that client (lib/http/json.ts enters the scope). Everyone else —
 * including anyone who sends the header with a guessed, old or empty value — gets the real
 * database, so no outside request can opt in, and no real user's check is ever weakened.
 *
 * The events the app logs while serving those requests (session_store_unreachable, …) are the
 * outage the lab caused, not an incident: they are kept with the outage for the lab to show
 * (labOutageEvents) instead of printed, so a run of the lab, or of its tests, does not read
 * like a broken server. Everyone else's events print as always.
 *
 * Per process on purpose: the lab sends its requests to this very process (../origin-process.ts checks
 * that first), and a secret that never leaves it cannot be replayed at another instance.
 */

export const LAB_OUTAGE_HEADER = "x-svj-lab-outage";

const open = processLocal("labs:open-outages", () => new Map<string, { client: Db; events: LoggedEvent[] }>());

export function openLabOutage(): { handle: string; restore: () => Promise<void> } {
  const secret = randomBytes(32).toString("base64url");
  const client = createUnreachableClient();
  open.set(secret, { client, events: [] });
  let closed = false;
  return {
    handle: secret,
    async restore() {
      if (closed) return;
      closed = true;
      open.delete(secret);
      // The broken client never connected; disconnecting only releases its pool object.
      await client.$disconnect().catch((error: unknown) => logEvent("lab_outage_client_close_failed", { error: errorText(error) }));
    },
  };
}

/** The lab's broken client for this request if it carries an open outage's secret; else none. */
export function labOutageClient(headers: Headers): Db | null {
  const presented = headers.get(LAB_OUTAGE_HEADER);
  // A Map lookup by a 256-bit random secret: nothing to learn from its timing.
  return presented ? (open.get(presented)?.client ?? null) : null;
}

/** What the app logged for the marked requests of an outage, in order; null once it closed. */
export function labOutageEvents(secret: string): LoggedEvent[] | null {
  const outage = open.get(secret);
  return outage ? [...outage.events] : null;
}

/** Runs a request's handler, inside the lab's outage if (and only if) it carries its secret. */
export async function runInLabOutageIfMarked<T>(request: unknown, work: () => Promise<T>): Promise<T> {
  const presented = request instanceof Request ? request.headers.get(LAB_OUTAGE_HEADER) : null;
  const outage = presented ? open.get(presented) : undefined;
  if (!outage) return work();
  const { result, events } = await captureEvents(() => runWithDatabase(outage.client, work));
  outage.events.push(...events);
  return result;
}
