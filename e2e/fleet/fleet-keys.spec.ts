import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appSigningKey, signWith } from "../app-keys.ts";
import { alice, bob } from "../fixtures.ts";
import { serverDatabase } from "../server-database.ts";
import { expect, loginAt, test } from "./fleet-fixtures.ts";

/**
 * Keys across the fleet: a rotation made on one instance reaches the other without a restart,
 * no valid token is refused meanwhile, and a separate service that trusts only the balancer's
 * JWKS verifies what either instance signed.
 */

interface Jwks {
  keys: { kid: string }[];
}

const kids = async (origin: string) => ((await (await fetch(`${origin}/.well-known/jwks.json`)).json()) as Jwks).keys.map((key) => key.kid).sort();
const me = (origin: string, token: string) => fetch(`${origin}/api/jwt/me`, { headers: { authorization: `Bearer ${token}` } });

test.describe("signing keys across instances", () => {
  test.describe.configure({ mode: "serial" });
  let downstream: ChildProcess | undefined;
  let downstreamUrl = "";

  test.beforeAll(async ({ baseURL }) => {
    // Not the port after the balancer's: those are the instances.
    const port = Number(new URL(baseURL!).port) + 8;
    downstreamUrl = `http://127.0.0.1:${port}`;
    downstream = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/downstream.ts"], {
      env: { ...process.env, DOWNSTREAM_PORT: String(port), JWKS_URL: `${baseURL}/.well-known/jwks.json` },
      stdio: "ignore",
    });
    await expect(async () => expect((await fetch(`${downstreamUrl}/healthz`)).status).toBe(200)).toPass({ timeout: 30_000 });
  });

  test.afterAll(() => {
    downstream?.kill("SIGTERM");
  });

  test("the downstream service trusts the balancer's JWKS: a token exchanged on either instance, in either mode", async ({ instances: [a, b] }) => {
    for (const origin of [a!, b!]) {
      const login = await loginAt(origin, "jwt");
      // The access token itself names the app alone: refused there.
      const refused = await fetch(`${downstreamUrl}/whoami`, { headers: { authorization: `Bearer ${login.accessToken}` } });
      expect(refused.status).toBe(401);
      const exchanged = await fetch(`${origin}/api/jwt/token`, { method: "POST", headers: { authorization: `Bearer ${login.accessToken}` } });
      expect(exchanged.status, await exchanged.clone().text()).toBe(200);
      const { token } = (await exchanged.json()) as { token: string };
      const answer = await fetch(`${downstreamUrl}/whoami`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status, await answer.clone().text()).toBe(200);
    }
    const session = await loginAt(a!, "session");
    const minted = await fetch(`${b}/api/session/token`, { method: "POST", headers: { cookie: `__Host-svj-session=${session.cookie}`, origin: b! } });
    expect(minted.status, await minted.clone().text()).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    expect((await fetch(`${downstreamUrl}/whoami`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const junk = await fetch(`${downstreamUrl}/whoami`, { headers: { authorization: "Bearer not.a.token" } });
    expect(junk.status).toBe(401);
    expect(((await junk.json()) as { error: { code: string } }).error.code).toEqual(expect.any(String));
  });

  test("a rotation on one instance reaches the other without a restart, refusing no valid token", async ({ instances: [a, b] }) => {
    test.setTimeout(120_000);
    const before = await loginAt(b!, "jwt");
    const admin = await loginAt(a!, "jwt", alice);
    const rotated = await fetch(`${a}/api/admin/keys/rotate`, { method: "POST", headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect(rotated.status, await rotated.clone().text()).toBe(200);
    const published = ((await rotated.json()) as { keys: { kid: string; state: string }[] }).keys.find((key) => key.state === "next")!.kid;
    // Each instance re-reads the key set on its own (every 30 s): the other one lists it soon,
    // long before it may sign (the publish lead is longer than that reload plus the JWKS max-age).
    await expect.poll(() => kids(b!), { timeout: 60_000, intervals: [1_000] }).toContain(published);
    expect(await kids(a!)).toContain(published);
    // Throughout, the token signed before the rotation stays valid on both instances.
    for (const origin of [a!, b!]) expect((await me(origin, before.accessToken!)).status).toBe(200);
  });

  test("under load through the new key's activation, no valid token is refused by either instance", async ({ instances: [a, b] }) => {
    // Runs after the rotation above: its key starts signing once the publish lead has passed.
    test.setTimeout(240_000);
    const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as { kid: string }).kid;
    const tokens = (await Promise.all([a!, b!].map((origin) => loginAt(origin, "jwt")))).map((login) => login.accessToken!);
    const oldKid = kidOf(tokens[0]!);
    let checked = 0;
    const refused: string[] = [];
    let signedByNewKey = 0;
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline && signedByNewKey < 5) {
      const fresh = (await loginAt(signedByNewKey % 2 === 0 ? a! : b!, "jwt")).accessToken!;
      if (kidOf(fresh) !== oldKid) signedByNewKey++;
      tokens.push(fresh);
      // Every token issued so far, old key and new, at both instances: none may be refused.
      const answers = await Promise.all(tokens.slice(-8).flatMap((token) => [a!, b!].map(async (origin) => [origin, (await me(origin, token)).status] as const)));
      checked += answers.length;
      for (const [origin, status] of answers) if (status !== 200) refused.push(`${origin} ${status}`);
    }
    expect(signedByNewKey, "the new key never started signing").toBe(5);
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

test.describe("a key retired by hand on one instance", () => {
  test("is refused there on the next check, and by the other instance within its key-set reload (30 s)", async ({ instances: [a, b] }) => {
    test.setTimeout(120_000);
    const db = await serverDatabase();
    const admin = await loginAt(a!, "jwt", alice);
    const bearer = { authorization: `Bearer ${admin.accessToken}` };
    // A key of this test's own (a published next key verifies already), standing for one that leaked.
    const rotated = await fetch(`${a}/api/admin/keys/rotate`, { method: "POST", headers: bearer });
    const kid = ((await rotated.json()) as { keys: { kid: string; state: string }[] }).keys.find((key) => key.state === "next")!.kid;
    const user = await db.user.findUniqueOrThrow({ where: { email: bob.email } });
    const now = Math.floor(Date.now() / 1000);
    const leaked = await signWith(await appSigningKey(db, kid), { sub: user.id, role: "user", ver: user.tokenVersion, jti: randomUUID(), iat: now, exp: now + 600, iss: "session-vs-jwt", aud: "session-vs-jwt:web" });
    for (const origin of [a!, b!]) expect((await me(origin, leaked)).status, origin).toBe(200);

    const retired = await fetch(`${a}/api/admin/keys/${kid}/retire`, { method: "POST", headers: bearer });
    expect(retired.status, await retired.clone().text()).toBe(200);
    expect((await me(a!, leaked)).status).toBe(401);
    // The other instance learns it from the table: its copy is never used past the reload interval.
    await expect.poll(async () => (await me(b!, leaked)).status, { timeout: 45_000, intervals: [1_000] }).toBe(401);
    await db.$disconnect();
  });
});
