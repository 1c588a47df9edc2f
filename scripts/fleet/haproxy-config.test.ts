import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as contract from "../../lib/labs/sticky/balancer-contract.ts";
import { haproxyConfig, STICKY_COOKIE, STICKY_LAB_PREFIX } from "./haproxy-config.mjs";

/** The lines of one `backend <name>` section, up to the next section. */
function backend(config: string, name: string): string {
  const start = config.indexOf(`\nbackend ${name}\n`);
  assert.ok(start >= 0, `no backend ${name}`);
  const rest = config.slice(start + 1);
  const next = rest.slice(1).search(/\n(?:backend|frontend|defaults|global)\b/);
  return next < 0 ? rest : rest.slice(0, next + 1);
}

describe("haproxyConfig", () => {
  const config = haproxyConfig({ port: 3930, instances: [{ name: "app-1", port: 3931 }, { name: "app-2", port: 3932 }] });

  test("the app's traffic: round robin over every instance, without stickiness", () => {
    const app = backend(config, "app");
    assert.match(app, /balance roundrobin/);
    assert.match(app, /server app-1 127\.0\.0\.1:3931 check/);
    assert.match(app, /server app-2 127\.0\.0\.1:3932 check/);
    assert.match(app, /option httpchk GET \/api\/health\n/);
    assert.doesNotMatch(app, /\bcookie\b|stick/);
    assert.match(config, /default_backend app\n/);
  });

  test("the balancer and the lab agree on the sticky prefix, cookie and health check", () => {
    assert.equal(STICKY_LAB_PREFIX, contract.STICKY_LAB_PREFIX);
    assert.equal(STICKY_COOKIE, contract.STICKY_COOKIE);
    assert.match(backend(config, "sticky_lab"), new RegExp(`option httpchk GET ${contract.STICKY_HEALTH_PATH}\n`));
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
    assert.match(sticky, /option httpchk GET \/api\/labs\/sticky\/health\n/);
    assert.match(sticky, /http-response set-header X-Instance %s/);
    // A slow answer is not a crash: the check may take longer than its interval.
    assert.match(sticky, /timeout check 2s/);
  });

  test("listens on the fleet's port and names the answering instance", () => {
    assert.match(config, /bind :::3930 v4v6/);
    assert.match(backend(config, "app"), /http-response set-header X-Instance %s/);
  });

  test("replaces a client's X-Forwarded-For instead of appending to it", () => {
    const del = config.indexOf("http-request del-header X-Forwarded-For");
    assert.ok(del >= 0 && del < config.indexOf("option forwardfor"));
  });
});
