/**
 * The one place in lib/ that touches `globalThis`. Next builds the proxy, the pages and the
 * route handlers as separate bundles that run in ONE process, each with its own copy of every
 * module: a module-level `let` would exist once per bundle. Things that must exist once per
 * process (the database client, crypto memo caches, this process's own metrics) are kept here,
 * under a registry symbol every copy of this module finds.
 *
 * Only for things that are truly per process. State that changes a decision (throttles, lab
 * runs, anything a second instance behind a balancer must see) goes in sharedState() instead.
 */

const REGISTRY = Symbol.for("svj:process-local");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** The process's one `name`, made by `create` the first time any bundle asks. */
export function processLocal<T>(name: string, create: () => T): T {
  const map = registry();
  if (!map.has(name)) map.set(name, create());
  return map.get(name) as T;
}

/** Replaces (or with no value, forgets) a process-local: tests, and the few seams that swap one. */
export function replaceProcessLocal<T>(name: string, value?: T): void {
  if (value === undefined) registry().delete(name);
  else registry().set(name, value);
}

/** The process's `name` if some bundle made it, without making it (cleanup that must not create). */
export function existingProcessLocal<T>(name: string): T | undefined {
  return registry().get(name) as T | undefined;
}
