// The CLI of fresh-database.ts, for the e2e specs and playwright.config.ts (run from the project
// root; DATABASE_URL is the base):
//   node --import tsx scripts/fresh-database/main.ts [--name NAME]   creates one, prints its URL
//   node --import tsx scripts/fresh-database/main.ts --drop URL      removes one made here
import { createFreshDatabase, dropDatabase } from "./fresh-database.ts";

async function main(args: string[]): Promise<void> {
  const dropIndex = args.indexOf("--drop");
  if (dropIndex >= 0) {
    const url = args[dropIndex + 1];
    if (!url) throw new Error("--drop needs the URL of a database made here");
    return dropDatabase(url);
  }
  const nameIndex = args.indexOf("--name");
  const { url } = await createFreshDatabase(nameIndex >= 0 ? { name: args[nameIndex + 1] } : {});
  console.log(url);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`fresh-database: ${error.message}`);
  process.exit(1);
});
