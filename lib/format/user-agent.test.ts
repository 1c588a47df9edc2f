import { test } from "node:test";
import assert from "node:assert/strict";
import { describeUserAgent } from "./user-agent.ts";

// Real User-Agent strings as these browsers and tools send them.
const CASES: [string, string][] = [
  ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux"],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iPhone"],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS"],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge on Windows"],
  ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.135 Mobile Safari/537.36", "Chrome on Android"],
  ["Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome on iPhone"],
  ["Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15", "Firefox on iPad"],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera on Windows"],
  ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on ChromeOS"],
  ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36", "Headless Chrome on Linux"],
  ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"],
  ["curl/8.5.0", "curl"],
  ["Wget/1.21.4", "Wget"],
  ["python-requests/2.32.3", "Python requests"],
  ["Go-http-client/1.1", "Go HTTP client"],
  ["node", "Node.js"],
  ["PostmanRuntime/7.42.0", "Postman"],
  ["Playwright/1.65.1 (x64; debian 12) node/20.19", "Playwright"],
];

test("browsers and systems as a person names them", () => {
  for (const [ua, label] of CASES) assert.equal(describeUserAgent(ua).label, label, ua);
});

test("parts apart: a tool names no system", () => {
  assert.deepEqual(describeUserAgent("curl/8.5.0"), { client: "curl", system: null, label: "curl" });
  assert.deepEqual(describeUserAgent(CASES[1]![0]), { client: "Firefox", system: "Windows", label: "Firefox on Windows" });
});

test("nothing, or nothing recognisable: never the raw header", () => {
  assert.equal(describeUserAgent(null).label, "Unknown browser");
  assert.equal(describeUserAgent("   ").label, "Unknown browser");
  assert.equal(describeUserAgent("MyCompanyApp/2.1 (build 77)").label, "MyCompanyApp");
  assert.equal(describeUserAgent("Mozilla/5.0 (Windows NT 10.0) SomethingNew/1.0").label, "A browser on Windows");
  assert.equal(describeUserAgent("Mozilla/5.0").label, "Unknown browser");
  assert.equal(describeUserAgent(`${"x".repeat(500)}/1`).label.length, 32);
  assert.equal(describeUserAgent("<script>alert(1)</script>").label, "Unknown browser");
});
