// `npm run keys:rotate`: publish a new EdDSA signing key now; it signs after the publish lead,
// and the current key keeps verifying until every token it signed has expired. Every running
// instance picks it up within its reload interval, without a restart.
import { existsSync } from "node:fs";

// Like `npm start`: the generated local secrets, unless the real environment sets them.
if (existsSync(".env.local")) process.loadEnvFile(".env.local");

const { rotateSigningKeys, rotationPolicy } = await import("../lib/auth/jwt/key-admin.ts");
const { getDb } = await import("../lib/db.ts");

try {
  const { created, keys } = await rotateSigningKeys(new Date());
  const policy = rotationPolicy();
  console.log(`keys:rotate: new key ${created.kid} published; it signs from ${created.activatesAt} (publish lead ${policy.publishLeadSeconds} s).`);
  for (const key of keys) console.log(`  ${key.state.padEnd(8)} gen ${key.generation}  ${key.kid}  activates ${key.activatesAt}${key.retiresAt ? `  retires ${key.retiresAt}` : ""}`);
} finally {
  await getDb().$disconnect();
}
