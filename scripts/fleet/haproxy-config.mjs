// The balancer's configuration, as a value: round robin, no stickiness, health-checked — except
// for the sticky-sessions lab's own path prefix, which is pinned by a cookie on purpose.
// Kept apart from the process juggling in fleet.mjs so a unit test can read what it says.

/** Only the sticky-sessions lab's endpoints (app/api/labs/sticky/*) are balanced stickily. */
export const STICKY_LAB_PREFIX = "/api/labs/sticky/";
/** The cookie HAProxy inserts to pin a browser to the instance that answered it first. */
export const STICKY_COOKIE = "SERVERID";

/**
 * @param {{ port: number, instances: { name: string, port: number }[] }} fleet
 * @returns {string} an haproxy.cfg
 */
export function haproxyConfig({ port, instances }) {
  const servers = instances.map(({ name, port: instancePort }) => `  server ${name} 127.0.0.1:${instancePort} check inter 2s fall 2 rise 1`);
  // `cookie <name>`: the value HAProxy writes into STICKY_COOKIE for this server. Checked as
  // often as the app's backend (every 2 s: each check is a request and a Redis read); after a
  // first failure every 250 ms (fastinter), so a "crashed" instance is out within ~2.3 s (two
  // failures in a row), and a restored one back within 500 ms (downinter, rise 1).
  const stickyServers = instances.map(
    ({ name, port: instancePort }) => `  server ${name} 127.0.0.1:${instancePort} cookie ${name} check inter 2s fastinter 250ms downinter 500ms fall 2 rise 1`,
  );
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "frontend web",
    `  bind :::${port} v4v6`,
    // The instances trust exactly one hop (TRUST_PROXY=1): this one. Whatever X-Forwarded-For a
    // client sent is replaced, not appended to, so the client cannot choose its own address.
    "  http-request del-header X-Forwarded-For",
    "  option forwardfor",
    "  http-request set-header X-Forwarded-Proto https if { ssl_fc }",
    "  http-request set-header X-Forwarded-Proto http if !{ ssl_fc }",
    `  acl sticky_lab path_beg ${STICKY_LAB_PREFIX}`,
    "  use_backend sticky_lab if sticky_lab",
    "  default_backend app",
    "backend app",
    // Round robin and no cookie: consecutive requests of one browser land on different
    // instances, which is the point — nothing may depend on which one answers.
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    // Which instance answered, on every response through the balancer (%s: the server's name).
    "  http-response set-header X-Instance %s",
    ...servers,
    "backend sticky_lab",
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
    `  option httpchk GET ${STICKY_LAB_PREFIX}health`,
    // Not the (fast) interval as the check's timeout: an instance busy hashing a lab's passwords
    // may take longer than 250 ms to answer, and is slow, not down (the first fleet run saw this).
    "  timeout check 2s",
    "  http-check expect status 200",
    "  http-response set-header X-Instance %s",
    ...stickyServers,
    "",
  ].join("\n");
}
