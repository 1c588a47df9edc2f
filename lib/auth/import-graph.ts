import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/**
 * A static walk of runtime imports from one file: what a bundle of it would load. Type-only
 * imports (`import type`, `export type`) are erased by TypeScript and skipped; everything else,
 * `import()` included, is followed. Paths are relative to the project root (the cwd of every
 * npm script); packages are recorded by name and not entered.
 */

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

export interface ImportGraph {
  files: string[];
  packages: string[];
  /** How the walk first reached a file or package, from the entry. */
  path(target: string): string[];
}

export function walkImports(entry: string, root = process.cwd()): ImportGraph {
  const parent = new Map<string, string | null>([[entry, null]]);
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const source = readFileSync(join(root, file), "utf8");
    for (const match of source.matchAll(IMPORT)) {
      if (match[1]) continue; // import type / export type
      const specifier = (match[2] ?? match[3])!;
      const resolved = resolveSpecifier(specifier, file, root);
      if (resolved.kind === "package") {
        if (!parent.has(resolved.name)) parent.set(resolved.name, file);
        packages.add(resolved.name);
      } else if (!parent.has(resolved.file)) {
        parent.set(resolved.file, file);
        // Generated code is reached or not; what it imports in turn is Prisma's business.
        if (!resolved.file.startsWith("lib/generated/")) queue.push(resolved.file);
      }
    }
  }
  return {
    files: [...parent.keys()].filter((key) => !packages.has(key)),
    packages: [...packages],
    path(target) {
      const chain: string[] = [];
      for (let at: string | null | undefined = target; at; at = parent.get(at)) chain.unshift(at);
      return chain;
    },
  };
}

type Resolved = { kind: "package"; name: string } | { kind: "file"; file: string };

function resolveSpecifier(specifier: string, from: string, root: string): Resolved {
  const local = specifier.startsWith(".") ? join(dirname(from), specifier) : specifier.startsWith("@/") ? specifier.slice(2) : null;
  if (local === null) {
    const parts = specifier.split("/");
    return { kind: "package", name: specifier.startsWith("@") ? parts.slice(0, 2).join("/") : specifier.startsWith("next/") ? specifier : parts[0]! };
  }
  for (const extension of EXTENSIONS) {
    const candidate = normalize(local + extension).split("\\").join("/");
    if (existsSync(join(root, candidate)) && /\.(ts|tsx|mjs|js)$/.test(candidate)) return { kind: "file", file: candidate };
  }
  throw new Error(`import-graph: cannot resolve "${specifier}" from ${from}`);
}
