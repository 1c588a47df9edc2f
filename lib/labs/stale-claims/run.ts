import "server-only";

import { setUserRole } from "../../account.ts";
import { getConfig } from "../../env.ts";
import { callMe, logInAs, roleIn, secondsUntilExp } from "../credentials.ts";
import { answerCode, createLabClient, type LabAnswer } from "../recorder.ts";
import { judgeJwtRole, judgeSessionRole } from "./verdict.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabOutcome } from "../types.ts";

/**
 * Lab 3: an admin is demoted while logged in to both modes. The session row joins the user
 * on every request; the JWT carries the role it was issued with until something mints a new one.
 */

/** `role=user` for an accepted /me, the error code otherwise. */
function roleOrCode(answer: LabAnswer): string {
  const code = answerCode(answer);
  return code === "accepted" ? `role=${roleIn(answer.body) ?? "?"}` : code;
}

const DEMOTION = "The user was demoted to role user in the database (lib/account.ts setUserRole).";

export async function runStaleClaimsLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  if (user.role !== "admin") throw new Error("the stale-claims lab needs an admin to demote");
  const config = getConfig();
  const session = createLabClient(origin);
  const jwt = createLabClient(origin);
  const [sessionHeld, jwtHeld] = await Promise.all([logInAs(session, "session", user), logInAs(jwt, "jwt", user)]);
  const [sessionBefore, jwtBefore] = await Promise.all([
    callMe(session, sessionHeld, "Who am I, as admin"),
    callMe(jwt, jwtHeld, "Who am I, as admin"),
  ]);

  // A real write to the User row, made once, between the two modes' requests.
  if (!(await setUserRole(user.id, "user"))) throw new Error("the throwaway user vanished before its demotion");
  session.happened(DEMOTION);
  jwt.happened(DEMOTION);

  const [sessionAfter, jwtAfter] = await Promise.all([
    callMe(session, sessionHeld, "Who am I, right after the demotion", { decisive: true }),
    callMe(jwt, jwtHeld, "Who am I, right after the demotion (same token)", { decisive: true }),
  ]);
  const refresh = await jwt.send("Refresh: trade the refresh token for a new access token", {
    method: "POST",
    path: "/api/jwt/refresh",
    json: { refreshToken: jwtHeld.refreshToken },
    decisive: true,
  });
  const renewed = (refresh.body as { accessToken?: unknown } | null)?.accessToken;
  const afterRefresh = typeof renewed === "string" ? await callMe(jwt, { mode: "jwt", value: renewed }, "Who am I, with the new token", { decisive: true }) : refresh;
  const oldAt = new Date();
  const oldAgain = await callMe(jwt, jwtHeld, "Who am I, with the old token once more", { decisive: true });

  return {
    config: {
      JWT_REVOCATION_CHECK: config.JWT_REVOCATION_CHECK,
      JWT_ACCESS_TTL_SECONDS: config.JWT_ACCESS_TTL_SECONDS,
    },
    columns: {
      session: { mode: "session", steps: session.steps, ...judgeSessionRole({ before: roleOrCode(sessionBefore), afterDemotion: roleOrCode(sessionAfter) }) },
      jwt: {
        mode: "jwt",
        steps: jwt.steps,
        ...judgeJwtRole({
          before: roleOrCode(jwtBefore),
          afterDemotion: roleOrCode(jwtAfter),
          refresh: answerCode(refresh),
          afterRefresh: typeof renewed === "string" ? roleOrCode(afterRefresh) : answerCode(refresh),
          oldTokenAfterRefresh: roleOrCode(oldAgain),
          oldTokenSecondsLeft: secondsUntilExp(jwtHeld.value, oldAt),
        }),
      },
    },
    notes: [
      `JWT_REVOCATION_CHECK=${config.JWT_REVOCATION_CHECK}. A role change bumps the user's tokenVersion: with denylist (the default) every earlier access token is refused at once (token_stale) — at the price of one user-row read per request, a session in all but name. With none the old claims stand until exp.`,
      "Whatever the check, the admin endpoints read the user row: the stale admin claim grants nothing there.",
      "A refresh reads the user row, so the role is fresh in the new token; the old access token is not touched by a refresh and keeps its claims until exp.",
    ],
  };
}
