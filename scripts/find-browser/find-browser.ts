// Finds a Chromium for Playwright. Order: Playwright's own build (where `npx playwright install`
// could download it), then a system Chromium on PATH, then — only when asked and only as root —
// Debian's package. Machines without internet access cannot download Playwright's build, so the
// system package is the usual answer there.
//
// Shared by the test runner and the screenshots script; main.ts is its CLI (playwright.config.ts).
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";

const require = createRequire(import.meta.url);
const SYSTEM_NAMES = ["chromium", "chromium-browser"];

/** An executable Chromium path; throws, saying how to install one, when there is none. */
export function findChromium({ install = false, log = console.log }: { install?: boolean; log?: (line: string) => void } = {}): string {
  const found = findPlaywrightChromium() ?? findOnPath(SYSTEM_NAMES);
  if (found) return found;
  if (install && isRoot()) {
    installDebianChromium(log);
    const installed = findOnPath(SYSTEM_NAMES);
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the e2e tests. Install one of: Playwright's build " +
      "(`npx playwright install chromium`), or your system's package (Debian/Ubuntu: " +
      "`sudo apt-get install chromium`) so that `chromium` or `chromium-browser` is on PATH.",
  );
}

function findPlaywrightChromium(): string | null {
  try {
    // Playwright reports where its build would be even when it was never downloaded.
    const path: string = require("@playwright/test").chromium.executablePath();
    return isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

function findOnPath(names: string[]): string | null {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

// apt's own output is long and only interesting when it fails, so it is kept until then.
function installDebianChromium(log: (line: string) => void): void {
  log("find-browser: no Chromium found; installing Debian's chromium (apt-get update && apt-get install -y chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    const result = spawnSync("apt-get", args, {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
      throw new Error(`find-browser: apt-get ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`);
    }
  }
}
