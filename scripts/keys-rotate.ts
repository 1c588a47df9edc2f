// `npm run keys:rotate`: publish a new EdDSA signing key now; it signs after the publish lead,
// and the current key keeps verifying until every token it signed has expired. Every running
// instance picks it up within its reload interval, without a restart.
// `npm run keys:rotate -- --retire <kid>`: retire that key at once (it leaked): every running
// instance refuses it within its key-set reload (30 s); if it was the signing key, another
// signs from now.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import type { KeyListing } from "../lib/auth/jwt/keys/admin.ts";

// Like `npm start`: the generated local secrets, unless the real environment sets them.
if (existsSync(".env.local")) process.loadEnvFile(".env.local");

const { values } = parseArgs({ options: { retire: { type: "string" } } });
const { retireSigningKeyNow, rotateSigningKeys, rotationPolicy } = await import("../lib/auth/jwt/keys/admin.ts");
const { getDb } = await import("../lib/db.ts");

function print(keys: KeyListing[]): void {
  for (const key of keys) console.log(`  ${key.state.padEnd(8)} gen ${key.generation}  ${key.kid}  activates ${key.activatesAt}${key.retiresAt ? `  retires ${key.retiresAt}` : ""}`);
}

try {
  const policy = rotationPolicy();
  if (values.retire !== undefined) {
    const result = await retireSigningKeyNow(values.retire, new Date());
    if (!result.ok) {
      console.error(`keys:rotate: ${result.code}: ${result.message}`);
      process.exitCode = 1;
    } else {
      const instead = result.replacement ? `; ${result.replacement.kid} signs from now` : "";
      console.log(`keys:rotate: key ${result.retired.kid} retired${instead}. Running instances refuse it within ${policy.keyReloadSeconds} s.`);
      print(result.keys);
    }
  } else {
    const { created, keys } = await rotateSigningKeys(new Date());
    console.log(`keys:rotate: new key ${created.kid} published; it signs from ${created.activatesAt} (publish lead ${policy.publishLeadSeconds} s).`);
    print(keys);
  }
} finally {
  await getDb().$disconnect();
}
