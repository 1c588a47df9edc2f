import { expect } from "@playwright/test";
import { test } from "./throwaway.ts";
import {
  codeOf,
  disconnectDatabase,
  expectCredentialsShortened,
  expectThrowawayUserDeleted,
  expectVerdictShown,
  runLabViaApi,
  runLabViaPage,
} from "./labs-fixtures.ts";

/**
 * The key-rotation lab rotates a key set of its own under a simulated clock. Its verdict is
 * computed from what the app's sign/verify code answered; the real keys must stay as they were.
 */

test.afterAll(disconnectDatabase);

const rotationCodes = ["accepted", "accepted", "token_unknown_kid", "token_unknown_kid"];

test("page: says the key set is private and the clock simulated; the rotation refuses no valid token", async ({ page, makeUser }) => {
  await page.goto("/labs/key-rotation");
  await expect(page.getByText("This lab uses a private key set and a simulated clock.")).toBeVisible();
  await expect(page.getByRole("link", { name: "/admin/keys" })).toBeVisible();
  await expect(page.getByText("npm run keys:rotate")).toBeVisible();
  const columns = await runLabViaPage(page, "key-rotation", await makeUser());
  await expectVerdictShown(columns.jwt, /^Held: The new key was published before it signed/, rotationCodes);
  await expectVerdictShown(columns.session, /^Held: Session mode signs nothing that anyone else verifies/, ["accepted"]);
  await expect(columns.jwt.getByText(/^VERIFY JWKS-only verifier \(copy from t0\+0s\) @ t0\+\d+s → 200/)).toBeVisible();
});

test("API: every step observed; the lab's keys never touch the real JWKS", async ({ request, makeUser }) => {
  const jwksBefore = await (await request.get("/.well-known/jwks.json")).json();
  const result = await runLabViaApi(request, "key-rotation", await makeUser());
  const { jwt, session } = result.columns;
  const signs = jwt.steps.filter((step) => step.request.method === "SIGN");
  const kids = signs.map((step) => (step.response?.body as { kid?: string } | null)?.kid);
  // first token, right after rotating, the old key's last token: the old key; after the lead: the new one.
  expect(new Set(kids.slice(0, 3)).size).toBe(1);
  expect(kids[3]).not.toBe(kids[0]);
  const refusals = jwt.steps.filter((step) => step.response?.status === 401).map(codeOf);
  expect(refusals).toEqual(["token_unknown_kid", "token_unknown_kid"]);
  expect(jwt.verdict).toMatchObject({ outcome: "rotated_without_refusal", tone: "safe", reasonCodes: rotationCodes });
  expect(jwt.measures).toMatchObject({ publishedBeforeSigning: true, oldTokenValidUntilExp: true, retiredKeyRefused: true });
  expect(session.verdict.outcome).toBe("no_keys_to_rotate");
  expect(result.notes.join(" ")).toMatch(/simulated clock/);
  expectCredentialsShortened(result);
  await expectThrowawayUserDeleted(result);
  // Not "equal before and after": keys.spec.ts rotates the real keys in parallel. What the lab
  // must never do is sign with a real key or publish one of its own there.
  const realKids = (jwks: { keys: { kid: string }[] }) => jwks.keys.map((key) => key.kid);
  const jwksAfter = await (await request.get("/.well-known/jwks.json")).json();
  for (const kid of new Set(kids)) {
    expect(kid).toBeTruthy();
    expect(realKids(jwksBefore)).not.toContain(kid);
    expect(realKids(jwksAfter)).not.toContain(kid);
  }
});
