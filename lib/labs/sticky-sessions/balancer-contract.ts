/**
 * What the sticky-sessions lab and the balancer's configuration (scripts/fleet/haproxy-config.ts,
 * plain JavaScript) must agree on. Written twice, once per side; haproxy-config.test.ts checks
 * that they match.
 */

/** Only paths under this prefix are balanced stickily; everything else stays round robin. */
export const STICKY_LAB_PREFIX = "/api/labs/sticky/";

/** The cookie HAProxy inserts to pin a client to the instance that answered it first. */
export const STICKY_COOKIE = "SERVERID";

/** The sticky backend's health check: it fails while the lab has "crashed" the instance. */
export const STICKY_HEALTH_PATH = `${STICKY_LAB_PREFIX}health`;
