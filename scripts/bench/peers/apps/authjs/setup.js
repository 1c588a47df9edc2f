// Run once before `next start`: the users table and the bench user.
import { addUser, createUsersTable } from "./lib/users.js";

const [email, password] = process.argv.slice(2);
createUsersTable();
addUser(email, password);
console.log(`setup: added ${email}`);
