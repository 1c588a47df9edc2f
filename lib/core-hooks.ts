import { processLocal } from "./state/process-local.ts";

/**
 * The one seam through which demonstrations (the labs) hook into the core. The core owns it
 * and consults it; demonstrations register into it from app-level code at start-up
 * (instrumentation.ts), so imports run only demonstration → core, never back. With nothing
 * registered the core behaves as a plain app: no traffic is a lab's, no request is wrapped.
 *
 * Per process (processLocal): the start-up hook, the pages and the route handlers are separate
 * bundles in one process, and each must see what start-up registered.
 */
export interface CoreHooks {
  /** True if this principal's checks are demonstration traffic, counted apart in the metrics. */
  isDemonstrationUser?: (userId: string) => boolean;
  /** Runs one API request's handler; a hook may run it in a scope of its own (the outage lab). */
  aroundApiRequest?: <T>(request: unknown, work: () => Promise<T>) => Promise<T>;
}

const registered = processLocal("core:hooks", () => new Map<string, CoreHooks>());

/** Registers (or, by the same name, replaces) one set of hooks: start-up may run twice in dev. */
export function registerCoreHooks(name: string, hooks: CoreHooks): () => void {
  registered.set(name, hooks);
  return () => {
    if (registered.get(name) === hooks) registered.delete(name);
  };
}

export function isDemonstrationUser(userId: string): boolean {
  for (const hooks of registered.values()) if (hooks.isDemonstrationUser?.(userId)) return true;
  return false;
}

/** Runs `work` inside every registered aroundApiRequest, in registration order (outermost first). */
export function runAroundApiRequest<T>(request: unknown, work: () => Promise<T>): Promise<T> {
  let run = work;
  for (const hooks of [...registered.values()].reverse()) {
    const around = hooks.aroundApiRequest;
    if (!around) continue;
    const inner = run;
    run = () => around(request, inner);
  }
  return run();
}
