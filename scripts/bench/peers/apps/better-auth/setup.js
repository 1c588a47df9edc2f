// Run once before `next start`: Better Auth's own migrations (getMigrations, what its CLI's
// `migrate` runs), then the bench user signs up through Better Auth's API.
import { getMigrations } from "better-auth/db/migration";
import { auth } from "./lib/auth.js";

const [email, password] = process.argv.slice(2);
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
await auth.api.signUpEmail({ body: { email, password, name: "Bench" } });
console.log(`setup: migrated and signed up ${email}`);
