// Throwaway users for the revocation checks of `npm run bench:http`: each password change or
// disable needs its own victim, or one event would spoil the next. One hash for all of them
// (argon2 is slow on purpose; the bench measures revocation, not hashing).
//   tsx --conditions=react-server scripts/bench/http/create-users.ts <password> <email>...   (DATABASE_URL from the env)
import { getDb } from "../../../lib/db.ts";
import { hashPassword } from "../../../lib/auth/methods/password/hash.ts";

const [password = "", ...emails] = process.argv.slice(2);
if (password.length < 12 || emails.length === 0) throw new Error("usage: create-users.ts <password ≥12 chars> <email>...");
const hash = await hashPassword(password);
const db = getDb();
// createMany cannot nest the password rows: one transaction of creates instead.
await db.$transaction(emails.map((email) => db.user.create({ data: { email, name: `Bench ${email.split("@")[0]}`, role: "user", password: { create: { hash } } }, select: { id: true } })));
console.log(`created ${emails.length} bench users`);
await db.$disconnect();
