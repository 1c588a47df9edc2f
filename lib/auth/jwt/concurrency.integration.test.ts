import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cleanUpTestDatabase, createTestUser, SECOND } from "../../test-database.ts";
import { getDb } from "../../db.ts";
import { databaseProvider, databaseUrl, getConfig } from "../../env.ts";
import { refreshCookieName } from "../cookies.ts";
import type { RequestMeta } from "../types.ts";
import { rotateRefreshToken } from "./refresh/rotation.ts";
import { renewJwtCredential } from "./renew.ts";
import { jwtStrategy } from "./strategy.ts";

/**
 * JWT mode under parallel load, through the strategy and the refresh rotation themselves:
 * 200 at once on PostgreSQL, 100 on SQLite (a single writer: the same calls, queued).
 * What must hold: no family lost or shared, no credential accepted after its logout returned,
 * and reuse detection that ends the whole family whichever racer gets there first.
 */

after(cleanUpTestDatabase);

const N = databaseProvider(databaseUrl()) === "postgresql" ? 200 : 100;
const USERS = 10;
const meta = (now = new Date()): RequestMeta => ({ now, userAgent: "concurrency-it", ip: "192.0.2.8" });
const later = (ms: number) => new Date(Date.now() + ms);
const codeOf = (result: { ok: boolean; code?: string }) => (result.ok ? "ok" : result.code);

async function parallelLogins() {
  const users = await Promise.all(Array.from({ length: USERS }, () => createTestUser()));
  const logins = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const issued = await jwtStrategy.signIn(users[i % USERS]!, meta());
      const fields = issued.apiFields as { accessToken: string; refreshToken: string };
      return { access: fields.accessToken, refresh: fields.refreshToken, familyId: issued.principal.handles.familyId! };
    }),
  );
  return { users, logins };
}

const familiesOf = (users: { id: string }[]) => getDb().refreshFamily.findMany({ where: { userId: { in: users.map((user) => user.id) } } });

describe(`JWT mode: ${N} parallel logins, refreshes and logouts`, () => {
  test("every login gets its own refresh family, stored, and a token that verifies", async () => {
    const { users, logins } = await parallelLogins();
    assert.equal(new Set(logins.map((login) => login.familyId)).size, N, "no duplicate family");
    const families = await familiesOf(users);
    assert.deepEqual(families.map((family) => family.id).sort(), logins.map((login) => login.familyId).sort(), "no family lost");
    const checks = await Promise.all(logins.map((login) => jwtStrategy.verify(login.access, meta())));
    assert.deepEqual(checks.map(codeOf), logins.map(() => "ok"));
  });

  test("parallel tabs: two refreshes of each token at once share one child; each family stays one live chain", async () => {
    const { users, logins } = await parallelLogins();
    const pairs = await Promise.all(logins.map((login) => Promise.all([renewJwtCredential(login.refresh, new Date()), renewJwtCredential(login.refresh, new Date())])));
    pairs.forEach(([a, b], i) => {
      assert.ok(a.ok && b.ok, `family ${i}: ${codeOf(a)} / ${codeOf(b)}`);
      assert.equal(a.apiFields.refreshToken, b.apiFields.refreshToken, "one child per parent");
      assert.equal([a.raced, b.raced].filter(Boolean).length, 1, "exactly one racer marked the parent used");
    });
    assert.equal(await getDb().refreshToken.count({ where: { familyId: { in: logins.map((login) => login.familyId) } } }), 2 * N, "parent and child, no more");
    assert.equal((await familiesOf(users)).filter((family) => family.revokedAt).length, 0, "a race is not a theft");
  });

  test("after each logout returns, its access token and its family's refresh token are refused; the others are untouched", async () => {
    const { users, logins } = await parallelLogins();
    const leaving = logins.filter((_, i) => i % 2 === 0);
    const staying = logins.filter((_, i) => i % 2 === 1);
    const outcomes = await Promise.all([
      ...leaving.map(async (login) => {
        await jwtStrategy.signOut({ credential: login.access, companions: { [refreshCookieName()]: login.refresh } }, meta());
        const [access, refresh] = await Promise.all([jwtStrategy.verify(login.access, meta()), rotateRefreshToken(login.refresh, new Date())]);
        return `${codeOf(access)} ${codeOf(refresh)}`;
      }),
      ...staying.map(async (login) => codeOf(await jwtStrategy.verify(login.access, meta()))),
    ]);
    assert.deepEqual(outcomes.slice(0, leaving.length), leaving.map(() => "token_revoked refresh_revoked"));
    assert.deepEqual(outcomes.slice(leaving.length), staying.map(() => "ok"));
    const revoked = (await familiesOf(users)).filter((family) => family.revokedAt).map((family) => family.id).sort();
    assert.deepEqual(revoked, leaving.map((login) => login.familyId).sort(), "exactly the logged-out families");
  });

  test("a refresh racing its logout: whichever wins, the family ends and nothing of it rotates again", async () => {
    const { logins } = await parallelLogins();
    const raced = await Promise.all(
      logins.map(async (login) => {
        const [renewed] = await Promise.all([
          renewJwtCredential(login.refresh, new Date()),
          jwtStrategy.signOut({ credential: login.access, companions: { [refreshCookieName()]: login.refresh } }, meta()),
        ]);
        return { login, child: renewed.ok ? renewed.apiFields.refreshToken : null };
      }),
    );
    const afterwards = await Promise.all(
      raced.flatMap(({ login, child }) => [login.refresh, ...(child ? [child] : [])].map((token) => rotateRefreshToken(token, new Date()))),
    );
    assert.deepEqual([...new Set(afterwards.map(codeOf))], ["refresh_revoked"]);
    assert.equal((await jwtStrategy.verify(logins[0]!.access, meta())).ok, false);
  });

  // Found here: the refresh minted a new jti the logout never saw. Logout now denylists the
  // family (`fid`, in every access token too), read in the same one lookup as the jti.
  test(
    "no access token minted by a refresh racing the logout is accepted once both returned",
    async () => {
      const { logins } = await parallelLogins();
      const minted = await Promise.all(
        logins.map(async (login) => {
          const [renewed] = await Promise.all([
            renewJwtCredential(login.refresh, new Date()),
            jwtStrategy.signOut({ credential: login.access, companions: { [refreshCookieName()]: login.refresh } }, meta()),
          ]);
          return renewed.ok ? renewed.token : null;
        }),
      );
      const accepted = await Promise.all(minted.map(async (token) => (token ? (await jwtStrategy.verify(token, meta())).ok : false)));
      assert.equal(accepted.filter(Boolean).length, 0, `${accepted.filter(Boolean).length} of ${N} logged-out logins still accepted`);
    },
  );

  test("reuse detection under load: an old token and its child presented at once revoke the family, every time", async () => {
    const { logins } = await parallelLogins();
    const children = await Promise.all(logins.map(async (login) => (await renewJwtCredential(login.refresh, new Date())) as { ok: true; apiFields: { refreshToken: string } }));
    // Past the grace window, the parent is a stolen copy; its child is the victim's next refresh.
    const past = () => later((getConfig().REFRESH_REUSE_GRACE_SECONDS + 1) * SECOND);
    const races = await Promise.all(
      logins.map((login, i) => Promise.all([rotateRefreshToken(login.refresh, past()), rotateRefreshToken(children[i]!.apiFields.refreshToken, past())])),
    );
    races.forEach(([stolen, victim], i) => {
      assert.equal(codeOf(stolen), "refresh_reused", `family ${i}`);
      assert.ok(["ok", "refresh_revoked"].includes(codeOf(victim)!), `family ${i}: ${codeOf(victim)}`);
    });
    const families = await getDb().refreshFamily.findMany({ where: { id: { in: logins.map((login) => login.familyId) } } });
    assert.deepEqual([...new Set(families.map((family) => family.revokedReason))], ["reuse_detected"]);
    // A grandchild handed out while the family was being revoked must be dead too.
    const grandchildren = races.flatMap(([, victim]) => (victim.ok ? [victim.refreshToken] : []));
    const retries = await Promise.all(grandchildren.map((token) => rotateRefreshToken(token, past())));
    assert.deepEqual(retries.map(codeOf), grandchildren.map(() => "refresh_revoked"));
  });
});
