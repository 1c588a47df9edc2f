// The test runner's command line:
//   [--only unit,integration,e2e,engine,fleet] [--skip-build] [-- <playwright args>]
import { parseArgs } from "node:util";

export const SUITES = ["unit", "integration", "e2e", "engine", "fleet"] as const;
export type Suite = (typeof SUITES)[number];
const DEFAULT_SUITES: Suite[] = ["unit", "integration", "e2e"];
export const USAGE = `usage: npm test -- [--only ${SUITES.join(",")}] [--skip-build] [-- <playwright args>]`;

export interface Options {
  suites: Set<Suite>;
  skipBuild: boolean;
  /** Everything after `--`, handed to `playwright test` unchanged. */
  playwrightArgs: string[];
}

/** Throws on an unknown option or suite; the caller prints the message with USAGE. */
export function parseOptions(args: string[]): Options {
  const dashDash = args.includes("--") ? args.indexOf("--") : args.length;
  const { values } = parseArgs({
    args: args.slice(0, dashDash),
    options: { only: { type: "string", multiple: true }, "skip-build": { type: "boolean", default: false } },
  });
  const only = (values.only ?? []).flatMap((list) => list.split(","));
  const unknown = only.filter((suite) => !isSuite(suite));
  if (unknown.length > 0) throw new Error(`unknown suite "${unknown.join(", ")}"`);
  return {
    suites: new Set(only.length > 0 ? (only as Suite[]) : DEFAULT_SUITES),
    skipBuild: values["skip-build"] ?? false,
    playwrightArgs: args.slice(dashDash + 1),
  };
}

function isSuite(name: string): name is Suite {
  return (SUITES as readonly string[]).includes(name);
}
