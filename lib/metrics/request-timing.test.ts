import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { noteAuthTiming, noteSetCookieBytes, runWithTimingScope, serverTimingHeader, type AuthTiming } from "./request-timing.ts";

/** What the DAL notes: everything but the Set-Cookie bytes, which the scope adds up itself. */
const first: Omit<AuthTiming, "setCookieBytes"> = { mode: "jwt", micros: 1500, queries: 1, cookieBytes: 412, servedFromCache: false };
const timing: AuthTiming = { ...first, setCookieBytes: 0 };

/** W3C Server Timing: `name;dur=<ms>;desc="<text>"`, comma-separated. */
const METRIC = /^[a-z-]+(;dur=\d+\.\d{3})?;desc="[^"\\]*"$/;

describe("serverTimingHeader", () => {
  test("nothing measured, no header", () => {
    assert.equal(serverTimingHeader(null, 0), null);
  });

  test("an auth check: its duration in milliseconds, its queries and the cookie bytes it read", () => {
    const header = serverTimingHeader(timing, 0);
    assert.equal(header, 'auth;dur=1.500;desc="jwt check (cold)", auth-db;desc="queries=1", auth-cookie;desc="bytes=412"');
    for (const metric of header!.split(", ")) assert.match(metric, METRIC);
  });

  test("a check a cache answered says warm, so its duration is not read as the database's", () => {
    assert.match(serverTimingHeader({ ...timing, servedFromCache: true }, 0)!, /^auth;dur=1\.500;desc="jwt check \(warm\)", /);
  });

  test("Set-Cookie bytes are their own metric, with or without a check", () => {
    assert.equal(serverTimingHeader(null, 612), 'auth-set-cookie;desc="bytes=612"');
    const both = serverTimingHeader({ ...timing, mode: "session", micros: 250.4 }, 98)!;
    assert.deepEqual(both.split(", "), [
      'auth;dur=0.250;desc="session check (cold)"',
      'auth-db;desc="queries=1"',
      'auth-cookie;desc="bytes=412"',
      'auth-set-cookie;desc="bytes=98"',
    ]);
  });
});

describe("the timing scope", () => {
  test("keeps the first check of the request and adds up every Set-Cookie write", async () => {
    const { result, store } = await runWithTimingScope(async () => {
      noteAuthTiming(first);
      noteAuthTiming({ ...first, mode: "session", micros: 9 });
      noteSetCookieBytes(500);
      await Promise.resolve();
      noteSetCookieBytes(112);
      return "done";
    });
    assert.equal(result, "done");
    assert.deepEqual(store.timing, { ...first, setCookieBytes: 0 });
    assert.equal(store.setCookieBytes, 612);
  });

  test("outside a scope, notes go nowhere: they do not throw, and the next request starts empty", async () => {
    assert.doesNotThrow(() => {
      noteAuthTiming(first);
      noteSetCookieBytes(10);
    });
    const { store } = await runWithTimingScope(async () => undefined);
    assert.deepEqual(store, { timing: null, setCookieBytes: 0 });
  });

  test("concurrent requests keep their own figures", async () => {
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const request = (bytes: number, queries: number) =>
      runWithTimingScope(async () => {
        await tick();
        noteAuthTiming({ ...first, queries });
        await tick();
        noteSetCookieBytes(bytes);
      });
    const [a, b] = await Promise.all([request(100, 0), request(300, 2)]);
    assert.equal(a.store.setCookieBytes, 100);
    assert.equal(a.store.timing?.queries, 0);
    assert.equal(b.store.setCookieBytes, 300);
    assert.equal(b.store.timing?.queries, 2);
  });
});
