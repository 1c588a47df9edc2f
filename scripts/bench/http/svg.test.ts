import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { escapeXml, renderRatioChart, ticks, wrapText } from "./svg.ts";

describe("renderRatioChart", () => {
  const svg = renderRatioChart({
    title: "Auth cost <SQLite>",
    subtitle: "req/s relative to the baseline",
    machine: "2 cores (Test CPU)",
    rows: [
      { label: "session /me", ratio: 0.75, kind: "api", goal: 0.9 },
      { label: "JWT /me & Bearer", ratio: null, kind: "api" },
      { label: "/jwt/dashboard", ratio: 1.5, kind: "page" },
    ],
  });

  test("is one SVG document with a bar per measured row and the value written beside it", () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<\/svg>\n$/);
    assert.equal(svg.match(/<rect [^>]*rx="3"/g)?.length, 2);
    assert.match(svg, />0\.75</);
    assert.match(svg, />1\.50</);
  });

  test("marks each row's goal, with a legend, only where there is one", () => {
    assert.equal(svg.match(/class="goal"/g)?.length, 1);
    assert.match(svg, /goal ≥ 0\.90/);
    assert.match(svg, /goal \(issue 10\)/);
    assert.doesNotMatch(renderRatioChart({ title: "t", subtitle: "s", machine: "m", rows: [{ label: "x", ratio: 1, kind: "api" }] }), /goal/);
  });

  test("marks an unmeasured row instead of drawing a zero-length bar", () => assert.match(svg, /not measured/));

  test("states the machine and escapes text", () => {
    assert.match(svg, /2 cores \(Test CPU\)/);
    assert.match(svg, /Auth cost &lt;SQLite&gt;/);
    assert.match(svg, /JWT \/me &amp; Bearer/);
  });

  test("draws the baseline line and widens the axis for ratios above it", () => {
    assert.match(svg, />baseline</);
    assert.match(svg, /stroke-dasharray/);
    assert.ok(svg.includes(">1.6<"), "the axis reaches past 1.5 × 1.1");
  });
});

describe("ticks / escapeXml", () => {
  test("gridlines every 0.2 including 1.0", () => assert.deepEqual(ticks(1.2), [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]));
  test("escapes every XML special character", () => assert.equal(escapeXml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"));
});

describe("wrapText", () => {
  test("breaks between words, never beyond the limit unless one word is longer", () => {
    assert.deepEqual(wrapText("aa bb cc dd", 5), ["aa bb", "cc dd"]);
    assert.deepEqual(wrapText("averyverylongword x", 5), ["averyverylongword", "x"]);
    assert.deepEqual(wrapText("", 5), []);
  });
});
