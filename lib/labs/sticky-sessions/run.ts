import "server-only";

import type { AuthMode } from "../../auth/types.ts";
import { getConfig } from "../../env.ts";
import { logEvent } from "../../log.ts";
import { LabSetupError, logInAs, presenting } from "../credentials.ts";
import { fleetInstances } from "../fleet/run.ts";
import { answerCode, cookieFrom, createLabClient, type LabClient, type LabRequest } from "../recorder.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabOutcome } from "../types.ts";
import { STICKY_COOKIE, STICKY_LAB_PREFIX } from "./balancer-contract.ts";
import { crashForStickyLab, restoreAfterStickyCrash } from "./instance-crash.ts";
import { waitForPinnedRouting } from "./pinned-routing.ts";
import { judgeStickyFailover, type PinnedAnswer, type StickyStore, type StoreObservation } from "./verdict.ts";
import { TOY_SESSION_COOKIE } from "./toy-session-store.ts";

/**
 * The sticky-sessions lab: through the balancer, a toy in-memory session pinned to one instance
 * by HAProxy's cookie, beside a real database-store session and a JWT sent through the same pin.
 * The pinned instance then "crashes" (for the lab's backend only, instance-crash.ts) and each
 * credential is asked for again: the balancer fails over to the other instance, which never
 * saw the in-memory session, and reads the shared ones as if nothing happened.
 */

/** The balancer's origin in a fleet, or null on a single server (the lab then answers 409). */
export function stickyBalancer(): string | null {
  const balancer = getConfig().FLEET_BALANCER_URL;
  return balancer && fleetInstances() ? balancer.replace(/\/$/, "") : null;
}

interface Tracked {
  store: StickyStore;
  client: LabClient;
  /** The segment of /api/labs/sticky/me/<segment>: which check the instance runs. */
  segment: "memory" | AuthMode;
  credential: Pick<LabRequest, "cookie" | "bearer">;
  before: PinnedAnswer[];
}

const WORDS: Record<StickyStore, string> = { memory: "in-memory session", database: "database-store session", token: "token" };

async function ask(tracked: Tracked, pin: string, label: string, decisive = false): Promise<PinnedAnswer> {
  const answer = await tracked.client.send(label, {
    path: `${STICKY_LAB_PREFIX}me/${tracked.segment}`,
    ...tracked.credential,
    moreCookies: [{ name: STICKY_COOKIE, value: pin }],
    decisive,
  });
  return { instance: answer.instance, code: answerCode(answer) };
}

async function logInToTheToyStore(client: LabClient, user: ThrowawayUser) {
  const login = await client.send("Log in to the toy in-memory store through the balancer (its sticky backend pins the answer)", {
    method: "POST",
    path: `${STICKY_LAB_PREFIX}login`,
    json: { name: user.email },
  });
  const pin = cookieFrom(login.setCookies, STICKY_COOKIE);
  const toySession = cookieFrom(login.setCookies, TOY_SESSION_COOKIE);
  if (login.status !== 200 || !pin || !toySession || !login.instance) {
    throw new LabSetupError(`The toy login through the balancer answered ${login.status ?? "nothing"} without a ${STICKY_COOKIE} pin (is this the fleet's HAProxy?).`);
  }
  return { pin, holder: login.instance, toySession };
}

export async function runStickySessionsLab(_origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const balancer = stickyBalancer();
  // lib/labs/run-lab.ts checks first; reaching this without a balancer is a programming error.
  if (!balancer) throw new Error("[labs] fleet_required: the sticky-sessions lab ran without FLEET_BALANCER_URL");
  const session = createLabClient(balancer);
  const jwt = createLabClient(balancer);
  const { pin, holder, toySession } = await logInToTheToyStore(session, user);
  const database = await logInAs(session, "session", user);
  const token = await logInAs(jwt, "jwt", user);
  const tracked: Tracked[] = [
    { store: "memory", client: session, segment: "memory", credential: { cookie: { name: TOY_SESSION_COOKIE, value: toySession } }, before: [] },
    { store: "database", client: session, segment: "session", credential: presenting("session", database.value), before: [] },
    { store: "token", client: jwt, segment: "jwt", credential: presenting("jwt", token.value), before: [] },
  ];
  for (const entry of tracked) {
    for (const turn of [1, 2]) entry.before.push(await ask(entry, pin, `Ask for the user with the ${WORDS[entry.store]}, pinned to ${holder} (${turn} of 2)`));
  }

  const observed: StoreObservation[] = [];
  let failedOver = false;
  await crashForStickyLab(holder);
  try {
    for (const client of [session, jwt]) {
      client.happened(`${holder} crashed (for the lab's sticky backend only): its health check answers 503 and its memory is gone. The lab waited for the balancer to mark it down.`);
    }
    failedOver = await waitForPinnedRouting(balancer, pin, (instance) => instance !== holder);
    for (const entry of tracked) {
      const after = await ask(entry, pin, `Ask again with the ${WORDS[entry.store]} and the same pin`, true);
      observed.push({ store: entry.store, before: entry.before, after });
    }
  } finally {
    await restoreAfterStickyCrash(holder);
    // The next run must find both instances up in the sticky backend again.
    if (!(await waitForPinnedRouting(balancer, pin, (instance) => instance === holder))) logEvent("sticky_lab_instance_not_back", { instance: holder });
  }

  const judge = (stores: StickyStore[]) => judgeStickyFailover({ holder, stores: observed.filter((entry) => stores.includes(entry.store)) });
  return {
    config: { FLEET_BALANCER_URL: balancer, stickyCookie: STICKY_COOKIE, stickyPrefix: STICKY_LAB_PREFIX, holder, balancerFailedOver: failedOver },
    columns: {
      session: { mode: "session", steps: session.steps, ...judge(["memory", "database"]) },
      jwt: { mode: "jwt", steps: jwt.steps, ...judge(["token"]) },
    },
    notes: [
      `Only ${STICKY_LAB_PREFIX}* is balanced stickily (HAProxy's cookie ${STICKY_COOKIE}); the app's real pages and API stay round robin, and its real session store is the shared database, so real users never needed a pin.`,
      "The in-memory store is a toy made for this lab: a Map in each process. It is what sticky sessions exist for, and why they are not enough — the pin only holds while its instance lives.",
      "The crash is lab-only: the instance answers 503 on the lab's endpoints and empties the toy store, while it keeps serving everything else. It is undone at the end of the run.",
    ],
  };
}
