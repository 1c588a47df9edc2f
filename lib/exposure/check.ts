import type { DemoUser } from "../demo-users.ts";
import { describeExposure, isLoopbackBind } from "./bind.ts";

/**
 * Whether `npm start` may serve where it is told to listen (scripts/check-exposure.ts runs
 * this before the seed and the build). On loopback: always, silently. Beyond it: said plainly,
 * and refused while a published password would open the door — demo users asked for
 * (DEMO_USERS=true) or still in the database from an earlier local run.
 */

export type ExposureVerdict = { serve: true; notice: string[] } | { serve: false; notice: string[]; refusal: string[] };

export interface ExposureInput {
  host: string;
  port: number;
  publicOrigins: readonly string[];
  labs: boolean;
  /** DEMO_USERS: true asks for them, false refuses them, undefined leaves it to the seed's rule. */
  demoUsers: boolean | undefined;
  /** Looked up only when the bind is not loopback. */
  findPublishedDemoUsers: () => Promise<readonly DemoUser[]>;
}

export async function checkExposure({ host, port, publicOrigins, labs, demoUsers, findPublishedDemoUsers }: ExposureInput): Promise<ExposureVerdict> {
  if (isLoopbackBind(host)) return { serve: true, notice: [] };
  const notice = describeExposure({ host, port, publicOrigins, labs });
  if (demoUsers === true) {
    return { serve: false, notice, refusal: [`DEMO_USERS=true asks for demo users whose passwords are published, on a server others can reach (HOST=${host}).`, "Unset DEMO_USERS, or leave HOST unset to listen on loopback only."] };
  }
  const published = await findPublishedDemoUsers();
  if (published.length === 0) return { serve: true, notice };
  const who = published.map((user) => `${user.email} (${user.role}, password "${user.password}")`).join(", ");
  return {
    serve: false,
    notice,
    refusal: [
      `This database still holds demo users whose passwords are published: ${who}.`,
      "Remove them with `npm run demo-users:remove` (or change their passwords), then start again; they are not seeded while HOST listens beyond loopback.",
      "Or leave HOST unset: `npm start` then listens on loopback only.",
    ],
  };
}
