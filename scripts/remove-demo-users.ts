// `npm run demo-users:remove`: deletes the demo users (alice, bob) and, with them, their sessions
// and refresh families. For a database that will be served beyond loopback (HOST), where their
// published passwords would be a back door; start with DEMO_USERS=false to keep them out locally.
import { getDb } from "../lib/db.ts";
import { removeDemoUsers } from "../lib/demo-users-present.ts";

const removed = await removeDemoUsers();
console.log(`demo-users: removed ${removed} demo user(s).`);
await getDb().$disconnect();
