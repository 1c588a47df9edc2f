// Auth.js keeps no passwords: with the Credentials provider the app looks the user up itself.
// A table of its own and scrypt from node:crypto, the least an app would write.
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { openCountedDatabase } from "./db.js";

let db;
function database() {
  db ??= openCountedDatabase(process.env.PEER_DB_FILE ?? "peer.db");
  return db;
}

export function createUsersTable() {
  database().exec("CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL)");
}

export function addUser(email, password) {
  const salt = randomBytes(16);
  const hash = `${salt.toString("base64url")}.${scryptSync(password, salt, 32).toString("base64url")}`;
  database().prepare("INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?)").run(randomBytes(12).toString("base64url"), email, hash);
}

export function findUserByPassword(email, password) {
  const row = database().prepare("SELECT id, email, password_hash FROM users WHERE email = ?").get(email);
  if (!row) return null;
  const [salt, expected] = row.password_hash.split(".");
  const actual = scryptSync(password, Buffer.from(salt, "base64url"), 32);
  return timingSafeEqual(actual, Buffer.from(expected, "base64url")) ? { id: row.id, email: row.email } : null;
}
