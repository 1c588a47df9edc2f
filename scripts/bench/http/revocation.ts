// Revocation, checked from outside: after a logout, a device revocation, a password change or
// an admin disable returns, is the very next request with the ended credential refused by the
// instance that handled the event? With a fleet: how long until ANOTHER instance refuses it?
import { logIn, meStatus, presentHeaders, type Credential } from "./accounts.ts";
import { send } from "./http.ts";
import type { RevocationEvent } from "./report.ts";
import { summarizeLags } from "./stats.ts";

export const BENCH_PASSWORD = "bench-password-0123";
export const PROBE_GIVE_UP_MS = 5000;

type Mode = "session" | "jwt";
type Account = { email: string; password: string };

/** One event: `prepare` logs in whoever it needs; `act` performs the event; `victim` must be refused afterwards. */
interface RevocationScenario {
  name: string;
  prepare: (origin: string) => Promise<{ act: () => Promise<void>; victim: Credential }>;
}

const refused = (status: number) => status === 401 || status === 403;

function expectStatus(answer: { status: number; body: unknown }, statuses: number[], what: string): void {
  if (!statuses.includes(answer.status)) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
}

/**
 * Each event: prepare() logs in whoever it needs and returns { act, victim }; act() performs
 * the event on `origin`; victim is the credential that must be refused afterwards.
 */
function events(mode: Mode, { bob, admin, nextUser }: { bob: Account; admin: Credential; nextUser: () => string }): RevocationScenario[] {
  const list: RevocationScenario[] = [
    {
      name: "logout",
      prepare: async (origin) => {
        const victim = await logIn(origin, mode, bob.email, bob.password);
        const path = `/api/${mode}/logout`;
        const act = async () =>
          expectStatus(await send(origin, path, { method: "POST", headers: presentHeaders(victim, path), ...(victim.refreshToken ? { json: { refreshToken: victim.refreshToken } } : {}) }), [204], "logout");
        return { act, victim };
      },
    },
    {
      name: "password change",
      prepare: async (origin) => {
        const email = nextUser();
        const [changer, victim] = [await logIn(origin, mode, email, BENCH_PASSWORD), await logIn(origin, mode, email, BENCH_PASSWORD)];
        const path = "/api/account/password";
        const json = { currentPassword: BENCH_PASSWORD, newPassword: `${BENCH_PASSWORD}-changed` };
        const act = async () => expectStatus(await send(origin, path, { method: "POST", headers: presentHeaders(changer, path), json }), [200], "password change");
        return { act, victim };
      },
    },
    {
      name: "admin disable",
      prepare: async (origin) => {
        const victim = await logIn(origin, mode, nextUser(), BENCH_PASSWORD);
        const path = `/api/admin/users/${victim.userId}/disable`;
        const act = async () => expectStatus(await send(origin, path, { method: "POST", headers: presentHeaders(admin, path) }), [200], "admin disable");
        return { act, victim };
      },
    },
  ];
  if (mode === "session") {
    list.splice(1, 0, {
      name: "device revocation",
      prepare: async (origin) => {
        const email = nextUser();
        const [current, victim] = [await logIn(origin, mode, email, BENCH_PASSWORD), await logIn(origin, mode, email, BENCH_PASSWORD)];
        const listed = await send(origin, "/api/session/sessions", { headers: presentHeaders(current, "/api/session/sessions") });
        expectStatus(listed, [200], "listing devices");
        const body = listed.body as { sessions?: { id: string; current: boolean }[] } | null;
        const other = body?.sessions?.find((session) => !session.current);
        if (!other) throw new Error("listing devices showed no other device to revoke");
        const path = `/api/session/sessions/${encodeURIComponent(other.id)}`;
        const act = async () => expectStatus(await send(origin, path, { method: "DELETE", headers: presentHeaders(current, path) }), [204], "device revocation");
        return { act, victim };
      },
    });
  }
  return list;
}

/** Polls `origin` with the credential, no pause, until refused; ms from `since` to that request's start. */
async function lagUntilRefused(origin: string, credential: Credential, since: number): Promise<number | null> {
  while (performance.now() - since < PROBE_GIVE_UP_MS) {
    const started = performance.now();
    if (refused(await meStatus(origin, credential))) return Math.max(0, started - since);
  }
  return null;
}

export async function checkRevocations({ label, mode, origin, otherOrigin, bob, admin, nextUser, samples, cache }: {
  label: string;
  mode: Mode;
  origin: string;
  otherOrigin?: string | undefined;
  bob: Account;
  admin: Credential;
  nextUser: () => string;
  samples: number;
  cache?: string;
}): Promise<RevocationEvent[]> {
  const results: RevocationEvent[] = [];
  for (const event of events(mode, { bob, admin, nextUser })) {
    const lags: number[] = [];
    let allRefused = true;
    let neverRefused = 0;
    for (let sample = 0; sample < (otherOrigin ? samples : 1); sample += 1) {
      const { act, victim } = await event.prepare(origin);
      // The cookie cache answers only cookie-borne checks: a thief's copy of the cookies is the case.
      if (cache === "cookie") victim.presentAs = "cookie";
      // Before the event the credential must work everywhere (or "refused" afterwards proves
      // nothing), and this request also warms whatever per-process cache an instance keeps.
      for (const where of otherOrigin ? [origin, otherOrigin] : [origin]) {
        const before = await meStatus(where, victim);
        if (before !== 200) throw new Error(`${label} ${event.name}: the credential answered ${before} on ${where} before the event`);
      }
      await act();
      const since = performance.now();
      const [here, lag] = await Promise.all([meStatus(origin, victim), otherOrigin ? lagUntilRefused(otherOrigin, victim, since) : null]);
      allRefused &&= refused(here);
      if (!refused(here)) break; // not refused even here: there is no lag to measure
      if (otherOrigin && lag === null) neverRefused += 1;
      else if (lag !== null) lags.push(lag);
    }
    const lagSummary = summarizeLags(lags, neverRefused);
    results.push({
      label: `${label}: ${event.name}`,
      refusedOnNextRequest: allRefused,
      ...(otherOrigin ? { lag: lagSummary } : { lagMs: allRefused ? 0 : null }),
      ...(allRefused ? {} : { note: gapNote(mode, cache) }),
    });
  }
  if (mode === "jwt") {
    results.splice(1, 0, { label: `${label}: device revocation`, refusedOnNextRequest: null, note: "JWT mode keeps no list of devices to end one of" });
  }
  return results;
}

function gapNote(mode: Mode, cache: string | undefined): string {
  if (cache === "cookie") return "SESSION_CACHE=cookie: a copy of the cookies keeps working until the check cookie's max age (SESSION_CACHE_COOKIE_SECONDS)";
  return mode === "jwt" ? "the access token stays valid until exp under this JWT_REVOCATION_CHECK" : "REVOCATION GAP";
}
