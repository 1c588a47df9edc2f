// The CLI of find-browser.ts: prints the path of a Chromium for Playwright (playwright.config.ts
// runs it when `npx playwright test` is run directly).
//   node --import tsx scripts/find-browser/main.ts [--install]
import { findChromium } from "./find-browser.ts";

try {
  console.log(findChromium({ install: process.argv.includes("--install"), log: console.error }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
