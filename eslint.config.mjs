// ESLint 9 flat config: Next's own rule sets (core web vitals + TypeScript), as create-next-app
// ships them. Next 16 has no `next lint`; `npm run lint` runs the eslint CLI on the whole tree.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures hand their value on through a callback Playwright names `use`; the
    // React hooks rule takes that for React's use(). There is no React in e2e/.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Exported functions say what they return (issue #19): the type is the module's contract, and
    // an inferred one changes silently when the body does. Components return React.ReactNode (async
    // server components Promise<React.ReactNode>), route handlers Promise<Response>. Every
    // TypeScript file, scripts/ included; the .mjs/.js ones are JavaScript and have no types to state.
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: { "@typescript-eslint/explicit-module-boundary-types": "error" },
  },
  // Generated, installed or produced by a run: not ours to lint.
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "next-env.d.ts",
  ]),
]);
