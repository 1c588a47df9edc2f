import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { judgeMisuse, judgePlace, type StorageObservations } from "./verdict.ts";

const observed: StorageObservations = {
  stolen: {
    localStorage: { received: true, validToken: true },
    readableCookie: { received: true, validToken: true },
    httpOnlyCookie: { received: false, validToken: false },
  },
  rideStatus: 200,
};

describe("judgePlace", () => {
  test("a working copy at the attacker's is theft; nothing received is not", () => {
    assert.equal(judgePlace(observed, "localStorage").outcome, "stolen");
    assert.equal(judgePlace(observed, "readableCookie").outcome, "stolen");
    assert.equal(judgePlace(observed, "httpOnlyCookie").outcome, "not_readable");
  });

  test("something received that is not a working token is not called theft", () => {
    const junk = { ...observed, stolen: { ...observed.stolen, localStorage: { received: true, validToken: false } } };
    assert.equal(judgePlace(junk, "localStorage").outcome, "not_readable");
  });
});

describe("judgeMisuse", () => {
  test("httpOnly stops theft, not misuse: a 200 on the ridden request", () => {
    assert.equal(judgeMisuse(observed).outcome, "rode_the_cookie");
    assert.equal(judgeMisuse({ ...observed, rideStatus: 401 }).outcome, "could_not_ride");
    assert.equal(judgeMisuse({ ...observed, rideStatus: null }).outcome, "inconclusive");
  });
});
