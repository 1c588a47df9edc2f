import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_ANSWERS } from "./questions.ts";
import { decisionRecord, decisionRecordFilename, type EvidenceFigure } from "./record.ts";
import { decide } from "./rules.ts";

const now = new Date("2026-12-06T12:00:00Z");
const measured: EvidenceFigure = { title: "Bytes per request", session: "212 B", jwt: "598 B", samples: "14 | 9 checks", source: "this server's checks", measuredAt: "2026-12-06T11:00:00.000Z", machine: "process-ab12" };
const unmeasured: EvidenceFigure = { title: "Copied credential after logout", session: "", jwt: "", samples: "", source: "stolen-credential lab", measuredAt: null, machine: "process-ab12", note: "run the stolen-credential lab" };

describe("decisionRecord", () => {
  const answers = { ...DEFAULT_ANSWERS, instances: "several", revocation: "here" } as const;
  const decision = decide(answers);
  const text = decisionRecord({ answers, decision, figures: [measured, unmeasured], origin: "https://auth.example", now });

  test("has the ADR's sections in order", () => {
    const order = ["# Authentication: Server-side sessions", "## Context", "## Decision", "## Consequences", "## Evidence figures"].map((heading) => text.indexOf(heading));
    assert.ok(order.every((index) => index >= 0), text);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });

  test("says every answer, the reasons with their evidence as absolute links, and the matching configuration", () => {
    assert.match(text, /\| How many app instances, in how many regions\? \| Several, one region \|/);
    assert.match(text, /\[Stolen-credential lab[^\]]*\]\(https:\/\/auth\.example\/labs\/stolen-credential\)/);
    assert.match(text, /```sh\nSESSION_CACHE=off\nDATABASE_URL=postgresql:/);
    assert.match(text, /npm run fleet/);
    assert.match(text, /- Made with: https:\/\/auth\.example\/decide\?clients=browser&/);
  });

  test("cites the figures with date and machine; an unmeasured one says how to measure it; pipes are escaped", () => {
    assert.match(text, /\| Bytes per request \| 212 B \| 598 B \| 14 \\\| 9 checks \| this server's checks \| 2026-12-06T11:00:00.000Z \| process-ab12 \|/);
    assert.match(text, /\| Copied credential after logout \| — \| — \| 0 \| stolen-credential lab \| not yet: run the stolen-credential lab \| process-ab12 \|/);
  });

  test("names the advice it corrects, with sources", () => {
    assert.match(text, /## Advice we did not follow, and why\n\n- “Scale means JWT\.”/);
    assert.match(text, /cheatsheetseries\.owasp\.org/);
  });

  test("a filename with the date and the recommendation", () => {
    assert.equal(decisionRecordFilename(decision, now), "adr-2026-12-06-session.md");
  });
});
