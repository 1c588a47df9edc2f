import { keepAliveAgent, send, type FuzzAnswer } from "./fuzz-http.ts";
import { cookieName, MODES } from "./fixtures.ts";
import type { RealCredentials } from "./fuzz-arbitraries.ts";
import type { TestUser } from "./throwaway.ts";

/**
 * Real credentials for the fuzzer, so its cases reach the handlers' deep paths: both users
 * logged in both ways (seal, access and refresh token, a downstream token exchanged for the
 * access token — it lives 60 s, long enough for a route's first cases), plus their ids, session ids,
 * e-mails and passwords for bodies and paths. Throwaway users only: a fuzzed request may
 * change a password, disable, demote or log out whoever it names.
 */
export async function loginAll(baseURL: string, user: TestUser, admin: TestUser): Promise<RealCredentials> {
  const agent = keepAliveAgent();
  const real: RealCredentials = { seals: [], accessTokens: [], refreshTokens: [], downstreamTokens: [], credentials: [], names: [] };
  try {
    for (const who of [user, admin]) {
      real.names.push(who.id, who.email, who.password);
      for (const mode of MODES) {
        const answer = await send(baseURL, agent, {
          method: "POST",
          path: `/api/${mode}/login`,
          headers: { "content-type": "application/json" },
          body: Buffer.from(JSON.stringify({ email: who.email, password: who.password })),
        });
        if (answer.status !== 200) throw new Error(`fuzz setup: ${mode} login answered ${answer.status}`);
        const body = JSON.parse(answer.body.toString("utf8")) as { accessToken?: string; refreshToken?: string };
        if (mode === "jwt") {
          real.accessTokens.push(body.accessToken!);
          real.refreshTokens.push(body.refreshToken!);
        } else {
          real.seals.push(sealOf(answer));
        }
      }
    }
    for (const token of real.accessTokens) {
      const exchanged = await send(baseURL, agent, { method: "POST", path: "/api/jwt/token", headers: { authorization: `Bearer ${token}` } });
      if (exchanged.status !== 200) throw new Error(`fuzz setup: the token exchange answered ${exchanged.status}`);
      real.downstreamTokens.push((JSON.parse(exchanged.body.toString("utf8")) as { token: string }).token);
    }
    const devices = await send(baseURL, agent, { method: "GET", path: "/api/session/sessions", headers: { cookie: `${cookieName("session")}=${real.seals[0]}` } });
    const { sessions } = JSON.parse(devices.body.toString("utf8")) as { sessions: { id: string }[] };
    real.names.push(...sessions.map((session) => session.id));
    real.credentials.push(...real.seals, ...real.accessTokens, ...real.refreshTokens, ...real.downstreamTokens);
    return real;
  } finally {
    agent.destroy();
  }
}

function sealOf(answer: FuzzAnswer): string {
  const prefix = `${cookieName("session")}=`;
  const header = [answer.headers["set-cookie"] ?? []].flat().find((value) => value.startsWith(prefix));
  if (!header) throw new Error("fuzz setup: no session cookie set");
  return header.slice(prefix.length).split(";")[0]!;
}
