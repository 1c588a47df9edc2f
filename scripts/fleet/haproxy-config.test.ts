import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as contract from "../../lib/labs/sticky-sessions/balancer-contract.ts";
import { haproxyConfig, PROMETHEUS_PATH, STICKY_COOKIE, STICKY_LAB_PREFIX, UNSAFE_GET_PATHS } from "./haproxy-config.ts";

/** The lines of one section (`backend app`, `frontend web`, `defaults`), up to the next section. */
function section(config: string, header: string): string {
  const start = config.indexOf(`\n${header}\n`);
  assert.ok(start >= 0, `no section ${header}`);
  const rest = config.slice(start + 1);
  const next = rest.slice(1).search(/\n(?:backend|frontend|defaults|global)\b/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

const backend = (config: string, name: string) => section(config, `backend ${name}`);

describe("haproxyConfig", () => {
  const fleet = () => ({ port: 3930, statsPort: 3933, instances: [{ name: "app-1", port: 3931 }, { name: "app-2", port: 3932 }] });
  const config = haproxyConfig(fleet());

  test("the app's traffic: round robin over every instance, without stickiness", () => {
    const app = backend(config, "app");
    assert.match(app, /balance roundrobin/);
    assert.match(app, /server app-1 127\.0\.0\.1:3931 check/);
    assert.match(app, /server app-2 127\.0\.0\.1:3932 check/);
    assert.match(app, /http-check send meth GET uri \/api\/health ver HTTP\/1\.1 hdr Host localhost\n/);
    assert.doesNotMatch(app, /\bcookie\b|stick/);
    assert.match(config, /default_backend app\n/);
  });

  test("a dead instance is out within about a second: fast checks, and its first refused connection", () => {
    for (const server of backend(config, "app").split("\n").filter((line) => line.includes(" server "))) {
      assert.match(server, / inter 1s fastinter 250ms /);
      assert.match(server, / fall 3 /);
      // Connections only (layer 4): the app's 503s during a database outage must not take it out.
      assert.match(server, / observe layer4 error-limit 1 on-error mark-down$/);
    }
    assert.doesNotMatch(config, /observe layer7/);
    assert.match(section(config, "defaults"), /option httpchk$/m);
    for (const name of ["app", "sticky_lab"]) assert.match(backend(config, name), /http-check send meth GET uri \S+ ver HTTP\/1\.1 hdr Host localhost\n {2}http-check expect status 200\n/);
  });

  test("a request a crashed instance refused goes to another; one it swallowed only when replaying it is harmless", () => {
    const defaults = section(config, "defaults");
    assert.match(defaults, /retry-on conn-failure empty-response\n/);
    assert.match(defaults, /option redispatch 1\n/);
    assert.match(defaults, /retries [1-9]\n/);
    // Never on what the app answered itself, nor on a slow answer.
    assert.doesNotMatch(defaults, /retry-on[^\n]*(?:response-timeout|junk-response|all-retryable-errors|\b5\d\d\b)/);
    const web = section(config, "frontend web");
    assert.match(web, /http-request disable-l7-retry if !METH_GET !METH_OPTIONS\n/);
    assert.deepEqual(UNSAFE_GET_PATHS, ["/api/jwt/refresh"]);
    assert.match(web, /http-request disable-l7-retry if \{ path \/api\/jwt\/refresh \}\n/);
  });

  test("the balancer and the lab agree on the sticky prefix, cookie and health check", () => {
    assert.equal(STICKY_LAB_PREFIX, contract.STICKY_LAB_PREFIX);
    assert.equal(STICKY_COOKIE, contract.STICKY_COOKIE);
    assert.match(backend(config, "sticky_lab"), new RegExp(`http-check send meth GET uri ${contract.STICKY_HEALTH_PATH} ver HTTP/1.1 hdr Host localhost\n`));
  });

  test("only the sticky-sessions lab's prefix goes to the sticky backend", () => {
    assert.equal(STICKY_LAB_PREFIX, "/api/labs/sticky/");
    assert.match(config, /acl sticky_lab path_beg \/api\/labs\/sticky\/\n {2}use_backend sticky_lab if sticky_lab\n/);
    assert.equal(config.match(/use_backend/g)?.length, 1);
  });

  test("the sticky backend pins by an inserted cookie and has its own health check", () => {
    const sticky = backend(config, "sticky_lab");
    assert.match(sticky, new RegExp(`cookie ${STICKY_COOKIE} insert indirect nocache httponly`));
    assert.match(sticky, /attr "Path=\/api\/labs\/sticky"/);
    assert.match(sticky, /server app-1 127\.0\.0\.1:3931 cookie app-1 check inter 2s fastinter 250ms/);
    assert.match(sticky, /server app-2 127\.0\.0\.1:3932 cookie app-2 check/);
    assert.match(sticky, /http-response set-header X-Instance %s/);
    // A slow answer is not a crash: the check may take longer than its interval.
    assert.match(section(config, "defaults"), /timeout check 5s/);
  });

  test("listens on the fleet's port, on loopback unless HOST asks for more, and names the answering instance", () => {
    assert.match(config, /bind 127\.0\.0\.1:3930\n/);
    assert.match(haproxyConfig({ ...fleet(), host: "0.0.0.0" }), /bind 0\.0\.0\.0:3930\n/);
    assert.match(haproxyConfig({ ...fleet(), host: "::" }), /bind :::3930 v4v6\n/);
    assert.match(backend(config, "app"), /http-response set-header X-Instance %s/);
  });

  test("replaces a client's X-Forwarded-For instead of appending to it", () => {
    const del = config.indexOf("http-request del-header X-Forwarded-For");
    assert.ok(del >= 0 && del < config.indexOf("option forwardfor"));
  });

  test("logs what went wrong, but not the app's own 503s: each instance logs its database outage once", () => {
    assert.match(config, /\n {2}log stdout format raw local0\n/);
    assert.match(section(config, "defaults"), /option httplog\n {2}option dontlog-normal/);
    assert.match(section(config, "frontend web"), /http-response set-log-level silent if \{ status 503 \}\n/);
  });

  test("the instances' metrics are not served through the balancer; HAProxy's own are, on loopback only", () => {
    assert.equal(PROMETHEUS_PATH, "/api/metrics/prometheus");
    assert.match(section(config, "frontend web"), /http-request return status 403 [^\n]* if \{ path_beg \/api\/metrics\/prometheus \}\n/);
    const stats = section(config, "frontend stats");
    assert.match(stats, /bind 127\.0\.0\.1:3933\n/);
    assert.match(stats, /http-request use-service prometheus-exporter if \{ path \/metrics \}/);
  });

  test("HAProxy itself accepts it", { skip: spawnSync("haproxy", ["-v"]).status !== 0 && "HAProxy is not installed" }, () => {
    const dir = mkdtempSync(join(tmpdir(), "svj-haproxy-check-"));
    try {
      writeFileSync(join(dir, "haproxy.cfg"), config);
      assert.match(execFileSync("haproxy", ["-c", "-f", join(dir, "haproxy.cfg")], { encoding: "utf8" }), /Configuration file is valid/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
