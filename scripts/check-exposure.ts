// `npm start` runs this when HOST is not a loopback address: says what listening there exposes,
// and exits 1 (before seeding, building or listening) while published demo passwords would open
// the door. The decision is lib/exposure/check.ts.
import { getDb } from "../lib/db.ts";
import { demoUsersWithPublishedPasswords } from "../lib/demo-users-present.ts";
import { getConfig } from "../lib/env.ts";
import { checkExposure } from "../lib/exposure/check.ts";
import { checkConfigAtStartup } from "../lib/startup.ts";

checkConfigAtStartup(); // an invalid configuration: one clear line and exit 1, as the server would
const config = getConfig();
const verdict = await checkExposure({
  host: config.HOST,
  port: config.PORT,
  publicOrigins: config.PUBLIC_ORIGINS,
  labs: config.LABS_ENABLED ?? config.DEMO_MODE,
  demoUsers: config.DEMO_USERS,
  findPublishedDemoUsers: () => demoUsersWithPublishedPasswords(),
});
for (const line of verdict.notice) console.log(`start: ${line}`);
if (!verdict.serve) console.error(verdict.refusal.map((line, index) => `start: ${index === 0 ? "refusing to start. " : ""}${line}`).join("\n"));
await getDb().$disconnect();
process.exit(verdict.serve ? 0 : 1);
