// The balancer's configuration, as a value: round robin, no stickiness, health-checked, and
// retrying on another instance what a crashed one refused — except for the sticky-sessions
// lab's own path prefix, which is pinned by a cookie on purpose.
// Kept apart from the process juggling in main.ts so a unit test can read what it says.

/** Only the sticky-sessions lab's endpoints (app/api/labs/sticky/*) are balanced stickily. */
export const STICKY_LAB_PREFIX = "/api/labs/sticky/";
/** The cookie HAProxy inserts to pin a browser to the instance that answered it first. */
export const STICKY_COOKIE = "SERVERID";
/** Each instance's Prometheus metrics (app/api/metrics/prometheus/route.ts): scraped per instance. */
export const PROMETHEUS_PATH = "/api/metrics/prometheus";
/** The one GET whose replay is not harmless: it rotates the refresh token (lib/http/refresh-api.ts). */
export const UNSAFE_GET_PATHS = ["/api/jwt/refresh"];

/**
 * An haproxy.cfg. `host`: the balancer's listening address, loopback unless HOST asks for more
 * (as `npm start`).
 */
export function haproxyConfig({ port, statsPort, instances, host = "127.0.0.1" }: { port: number; statsPort: number; instances: { name: string; port: number }[]; host?: string }): string {
  // Checked every second; after a first failure every 250 ms (fastinter), so a dead instance —
  // its port refuses at once — is out within ~1.5 s (fall 3), or at the first refused
  // connection of real traffic (observe layer4 below), whichever comes first. One that is only
  // slow gets 5 s per check (timeout check) three times over: in the first fleet-suite run with
  // fall 2 and 2 s, the surviving instance, carrying all the traffic on a loaded machine while
  // the other restarted, answered its check late twice and was taken out too — no instance
  // left, every request a 503. Slow is not down. A
  // restarted one is back 1 s after it answers (downinter 500 ms, rise 2: one lucky answer of a
  // process that is crashing again does not put it back).
  // observe layer4, error-limit 1, on-error mark-down: a refused connection on real traffic is
  // proof enough — `kill -9` closes the port at once. Layer 4, not layer 7: the app answers 503
  // for its whole database outage, and an instance whose database is down still serves JWT
  // requests and the labs (see /api/health); taking every instance out would turn a degraded
  // fleet into a dead one.
  const checks = "check inter 1s fastinter 250ms downinter 500ms fall 3 rise 2 observe layer4 error-limit 1 on-error mark-down";
  const servers = instances.map(({ name, port: instancePort }) => `  server ${name} 127.0.0.1:${instancePort} ${checks}`);
  // `cookie <name>`: the value HAProxy writes into STICKY_COOKIE for this server. Its own check
  // every 2 s (each one reads Redis), the same fast fall and rise, and the same layer-4 observing.
  const stickyServers = instances.map(
    ({ name, port: instancePort }) => `  server ${name} 127.0.0.1:${instancePort} cookie ${name} check inter 2s fastinter 250ms downinter 500ms fall 2 rise 1 observe layer4 error-limit 1 on-error mark-down`,
  );
  return [
    "global",
    "  maxconn 4096",
    // To the fleet's console (HAProxy runs in the foreground, -db).
    "  log stdout format raw local0",
    "defaults",
    "  mode http",
    // Only what went wrong: errors, timeouts, 5xx, and every retry or redispatch — the trace a
    // crash leaves (a `+1` retry; `SD--`: died while its answer was on the way). Normal requests
    // stay quiet.
    "  log global",
    "  option httplog",
    "  option dontlog-normal",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    // A check may take longer than its interval on a busy machine: slow is not down (above).
    "  timeout check 5s",
    // What a crashed instance costs the clients: nothing that can be retried safely.
    //   conn-failure: the connection was refused (or never made), so the request was never sent;
    //     replaying it is safe for every method, POST included.
    //   empty-response: the request reached the instance, which died before answering. It may
    //     have run (a login written, a refresh token rotated), so only requests whose replay is
    //     harmless may go again: the frontend's disable-l7-retry rules keep it to GET, HEAD and
    //     OPTIONS. Not response-timeout (a slow request replayed on the other instance doubles
    //     the load that made it slow) and no status codes (a 503 from the app is the database's
    //     outage, the same on every instance).
    "  retry-on conn-failure empty-response",
    "  retries 3",
    // Every retry on another instance (redispatch 1): the one that refused is most likely dead,
    // and a retry on the same server would first wait out HAProxy's turn-around timer (up to 1 s).
    "  option redispatch 1",
    "  option httpchk",
    "frontend web",
    `  bind ${bindAddress(host, port)}`,
    // The instances trust exactly one hop (TRUST_PROXY=1): this one. Whatever X-Forwarded-For a
    // client sent is replaced, not appended to, so the client cannot choose its own address.
    "  http-request del-header X-Forwarded-For",
    "  option forwardfor",
    "  http-request set-header X-Forwarded-Proto https if { ssl_fc }",
    "  http-request set-header X-Forwarded-Proto http if !{ ssl_fc }",
    // A request that reached an instance is replayed after its crash only when replaying it
    // cannot change anything (RFC 9110 §9.2.1, safe methods). POST, PUT, PATCH and DELETE are
    // not: DELETE is idempotent in HTTP's sense (§9.2.2), but a replayed device revocation would
    // answer 404 for a revocation that happened. Their connection failures are still retried.
    "  http-request disable-l7-retry if !METH_GET !METH_OPTIONS",
    `  http-request disable-l7-retry if { path ${UNSAFE_GET_PATHS.join(" ")} }`,
    // Metrics through the balancer would come from a different instance each time, and their
    // counters cannot be told apart: refused here, with the way to do it instead.
    `  http-request return status 403 content-type text/plain string "Scrape each instance's ${PROMETHEUS_PATH} directly (npm run fleet lists them), not the balancer." if { path_beg ${PROMETHEUS_PATH} }`,
    // The app's own 503s are its database outage (or the sticky lab's "crash"), which each
    // instance logs once when it starts and once when it ends (lib/db-outage.ts): one line per
    // request here would bring back the flood that fixed. HAProxy's own 503 (no instance left)
    // never passes http-response rules, and is still logged.
    "  http-response set-log-level silent if { status 503 }",
    `  acl sticky_lab path_beg ${STICKY_LAB_PREFIX}`,
    "  use_backend sticky_lab if sticky_lab",
    "  default_backend app",
    "backend app",
    // Requests are logged by the frontend; an instance going down or up HAProxy already prints
    // as a warning on its stderr, which a backend's own log would only repeat.
    "  no log",
    // Round robin and no cookie: consecutive requests of one browser land on different
    // instances, which is the point — nothing may depend on which one answers.
    "  balance roundrobin",
    // Checks carry a Host like a browser's on loopback: the instances refuse unknown Hosts
    // (DNS rebinding), and HAProxy's HTTP/1.0 default check sends none. Send and expect in each
    // backend: a backend with rules of its own inherits none from defaults.
    "  http-check send meth GET uri /api/health ver HTTP/1.1 hdr Host localhost",
    "  http-check expect status 200",
    // Which instance answered, on every response through the balancer (%s: the server's name).
    "  http-response set-header X-Instance %s",
    ...servers,
    "backend sticky_lab",
    "  no log",
    // The sticky-sessions lab: what "sticky sessions" means. The first answer pins the browser
    // to its instance (insert: HAProxy adds the cookie; indirect: the instance never sees it;
    // nocache: a shared cache must not hand one browser's pin to another). When the pinned
    // instance is down, HAProxy ignores the cookie and picks another: the failover the lab shows.
    // HAProxy always writes `path=/` first; the later Path attribute wins (RFC 6265 §5.3), so
    // browsers send the pin to the lab's prefix only.
    "  balance roundrobin",
    `  cookie ${STICKY_COOKIE} insert indirect nocache httponly attr "SameSite=Lax" attr "Path=${STICKY_LAB_PREFIX.replace(/\/$/, "")}"`,
    // Its own health check: the lab "crashes" an instance for this backend only (503 here),
    // while the app backend above keeps sending it real traffic. With the labs switched off
    // (LABS_ENABLED=false) the check answers 404, and this prefix gets HAProxy's own 503.
    `  http-check send meth GET uri ${STICKY_LAB_PREFIX}health ver HTTP/1.1 hdr Host localhost`,
    "  http-check expect status 200",
    "  http-response set-header X-Instance %s",
    ...stickyServers,
    // HAProxy's own figures for operators, on loopback only (it has no access control):
    // Prometheus at /metrics (retries, redispatches, each server's state and check results),
    // the human-readable page at /stats.
    "frontend stats",
    `  bind 127.0.0.1:${statsPort}`,
    "  http-request use-service prometheus-exporter if { path /metrics }",
    "  stats enable",
    "  stats uri /stats",
    "",
  ].join("\n");
}

/** HAProxy's bind syntax: an IPv6 literal is written bare before the port; "::" takes IPv4 too. */
function bindAddress(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "::") return `:::${port} v4v6`;
  return `${bare}:${port}`;
}
