import { bob } from "../fixtures.ts";
import { metricsToken, PROMETHEUS_PATH, scrape, valueOf, type Scrape } from "../prometheus-fixtures.ts";
import { expect, loginAt, logoutAt, meAt, test } from "./fleet-fixtures.ts";

/**
 * The fleet's metrics as an operator scrapes them: each instance its own, named by its
 * instance, never through the balancer; HAProxy's own on loopback. Other fleet specs run
 * beside these against the same instances, so counts are "at least what this test did".
 */

const moved = (before: Scrape, after: Scrape, series: string) => valueOf(after, series) - valueOf(before, series);

test("each instance serves its own metrics, named after it; the balancer refuses to serve them", async ({ baseURL, instances }) => {
  for (const [index, origin] of instances.entries()) {
    const { text } = await scrape(origin);
    expect(text).toMatch(new RegExp(`^svj_instance_info\\{instance="app-${index + 1}",session_cache="\\w+",jwt_revocation_check="\\w+"\\} 1$`, "m"));
  }
  const throughBalancer = await fetch(`${baseURL}${PROMETHEUS_PATH}`, { headers: { authorization: `Bearer ${metricsToken()}` } });
  expect(throughBalancer.status).toBe(403);
  expect(await throughBalancer.text()).toMatch(/Scrape each instance/);
});

test("HAProxy's own metrics, on loopback: every instance up", async ({ baseURL }) => {
  // npm run fleet: PORT + FLEET_SIZE + 1.
  const statsPort = Number(new URL(baseURL!).port) + 3;
  const text = await (await fetch(`http://127.0.0.1:${statsPort}/metrics`)).text();
  for (const server of ["app-1", "app-2"]) expect(text).toContain(`haproxy_server_status{proxy="app",server="${server}",state="UP"} 1`);
  expect(text).toMatch(/^haproxy_backend_retry_warnings_total\{proxy="app"\} \d+$/m);
});

test("requests on one instance move its counters; a revocation there is counted, and with push reaches the other with its lag", async ({ instances: [a, b] }) => {
  const [beforeA, beforeB] = [await scrape(a!), await scrape(b!)];
  const login = await loginAt(a!, "session", bob);
  for (let i = 0; i < 3; i++) expect((await meAt(a!, "session", login.cookie)).status).toBe(200);
  const afterA = await scrape(a!);
  const accepted = ["hit", "miss"].reduce((sum, cache) => sum + moved(beforeA, afterA, `svj_auth_checks_total{mode="session",outcome="accepted",cache="${cache}"}`), 0);
  expect(accepted).toBeGreaterThanOrEqual(3);
  // The login throttle is shared state: its window lives in Redis in a fleet.
  expect(moved(beforeA, afterA, 'svj_redis_operations_total{operation="window_add",outcome="ok"}')).toBeGreaterThanOrEqual(1);
  expect(moved(beforeA, afterA, "svj_db_queries_total")).toBeGreaterThanOrEqual(1);

  // The logout on b, the other instance: counted there as a revocation.
  expect((await meAt(b!, "session", login.cookie)).status).toBe(200);
  expect((await logoutAt(b!, "session", login.cookie)).status).toBe(204);
  expect((await meAt(a!, "session", login.cookie)).status).toBe(401);
  const [laterA, laterB] = [await scrape(a!), await scrape(b!)];
  expect(moved(beforeB, laterB, "svj_revocations_total")).toBeGreaterThanOrEqual(1);
  if (!/session_cache="push"/.test(laterB.text)) return;
  // SESSION_CACHE=push: the logout's invalidation was published by b and received by a, and a
  // measured how long it took to arrive (seconds, from b's clock to a's, on one host).
  expect(moved(beforeB, laterB, 'svj_invalidations_published_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
  expect(moved(beforeA, laterA, "svj_invalidations_received_total")).toBeGreaterThanOrEqual(1);
  expect(moved(beforeA, laterA, "svj_invalidation_lag_seconds_count")).toBeGreaterThanOrEqual(1);
  expect(moved(beforeA, laterA, "svj_invalidation_lag_seconds_sum")).toBeGreaterThanOrEqual(0);
});
