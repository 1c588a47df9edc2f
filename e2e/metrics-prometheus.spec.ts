import { expect, test } from "@playwright/test";
import { bob, cookieName } from "./fixtures.ts";
import { documentedMetricNames, metricsToken, PROMETHEUS_PATH, scrape, valueOf } from "./prometheus-fixtures.ts";

/**
 * The Prometheus exposition of one server, black-box: who may read it, that every documented
 * name is there, and that known requests move the counters they should. Other specs run beside
 * this one against the same server, so counts are asserted as "at least what this test did".
 */

test("only the holder of METRICS_TOKEN reads the metrics", async ({ baseURL }) => {
  const anonymous = await fetch(`${baseURL}${PROMETHEUS_PATH}`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("metrics_token_required");
  // One character off (never the same one: a token ending in "A" made this the real token once in 64 runs).
  const token = metricsToken();
  const oneOff = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
  const guessed = await fetch(`${baseURL}${PROMETHEUS_PATH}`, { headers: { authorization: `Bearer ${oneOff}` } });
  expect(guessed.status).toBe(401);
  const basic = await fetch(`${baseURL}${PROMETHEUS_PATH}`, { headers: { authorization: `Basic ${Buffer.from(`x:${metricsToken()}`).toString("base64")}` } });
  expect(basic.status).toBe(401);
  // The user's own credential is no metrics token either.
  const login = await fetch(`${baseURL}/api/jwt/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: bob.email, password: bob.password }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  expect((await fetch(`${baseURL}${PROMETHEUS_PATH}`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(401);
});

test("every metric docs/FLEET.md names is exposed with its type, beside the process's defaults", async ({ baseURL }) => {
  const scraped = await scrape(baseURL!);
  const { types } = scraped;
  const documented = documentedMetricNames();
  expect(documented.length).toBeGreaterThanOrEqual(13);
  for (const name of documented) expect(types.has(name), `${name} is documented but not exposed`).toBe(true);
  for (const name of [...types.keys()].filter((name) => name.startsWith("svj_"))) expect(documented, `${name} is exposed but not documented`).toContain(name);
  expect(types.get("svj_auth_checks_total")).toBe("counter");
  expect(types.get("svj_auth_check_duration_seconds")).toBe("histogram");
  expect(types.get("svj_db_up")).toBe("gauge");
  expect(types.has("process_cpu_seconds_total")).toBe(true);
  expect(types.has("nodejs_eventloop_lag_seconds")).toBe(true);
  expect(valueOf(scraped, "svj_db_up")).toBe(1);
});

test("known requests move the counters: checks by mode, outcome and cache, their queries, refusals by code", async ({ baseURL }) => {
  const origin = baseURL!;
  const login = await fetch(`${origin}/api/session/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: bob.email, password: bob.password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().find((value) => value.startsWith(`${cookieName("session")}=`))!.split(";")[0]!;
  const before = await scrape(origin);
  const me = (headers: Record<string, string>) => fetch(`${origin}/api/session/me`, { headers });
  for (let i = 0; i < 3; i++) expect((await me({ cookie })).status).toBe(200);
  for (let i = 0; i < 2; i++) expect((await me({ cookie: `${cookieName("session")}=Fe26.2**not-a-seal` })).status).toBe(401);
  const after = await scrape(origin);

  const moved = (series: string) => valueOf(after, series) - valueOf(before, series);
  const accepted = moved('svj_auth_checks_total{mode="session",outcome="accepted",cache="miss"}') + moved('svj_auth_checks_total{mode="session",outcome="accepted",cache="hit"}');
  expect(accepted).toBeGreaterThanOrEqual(3);
  expect(moved('svj_auth_checks_total{mode="session",outcome="seal_invalid",cache="miss"}')).toBeGreaterThanOrEqual(2);
  const timed = moved('svj_auth_check_duration_seconds_count{mode="session",cache="miss"}') + moved('svj_auth_check_duration_seconds_count{mode="session",cache="hit"}');
  expect(timed).toBeGreaterThanOrEqual(3);
  // An accepted session check reads its row unless a cache answered: at least one query each.
  expect(moved('svj_auth_check_db_queries_total{mode="session",cache="miss"}')).toBeGreaterThanOrEqual(moved('svj_auth_checks_total{mode="session",outcome="accepted",cache="miss"}'));
  expect(moved("svj_db_queries_total")).toBeGreaterThanOrEqual(1);
  // A logout is a write that changes what a check decides, whatever SESSION_CACHE is.
  const logout = await fetch(`${origin}/api/session/logout`, { method: "POST", headers: { cookie, origin } });
  expect(logout.status).toBe(204);
  expect(valueOf(await scrape(origin), "svj_revocations_total")).toBeGreaterThanOrEqual(valueOf(after, "svj_revocations_total") + 1);
});
