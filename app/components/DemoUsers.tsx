import { connection } from "next/server";
import { demoUsersPresent } from "@/lib/demo-users-present";
import { getConfig } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/db-errors";

/**
 * The demo users (lib/demo-users.ts) with their published passwords — only in DEMO_MODE, and only
 * those that exist here: advertising a login that answers "Wrong e-mail or password" sends a
 * newcomer nowhere (issue 22), and outside the demo a published admin password would invite
 * guessing. Read per request (connection()), never baked in at build time.
 */
export async function DemoUsers({ layout }: { layout: "box" | "line" }): Promise<React.ReactNode> {
  await connection();
  if (!getConfig().DEMO_MODE) return null;
  const users = await presentOrNone();
  if (users.length === 0) return null;
  if (layout === "line") {
    return (
      <p className="text-sm text-slate-600">
        Demo {users.length === 1 ? "user" : "users"}:{" "}
        {users.map((user, index) => (
          <span key={user.email}>
            {index > 0 ? " and " : null}
            <code className="font-mono">{user.email}</code> / <code className="font-mono">{user.password}</code> ({user.role})
          </span>
        ))}
        .
      </p>
    );
  }
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4">
      <h3 className="font-medium text-slate-900">Demo users</h3>
      <ul className="mt-2 space-y-1 font-mono text-xs">
        {users.map((user) => (
          <li key={user.email}>
            {user.email} / {user.password} ({user.role})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An unreachable database hides the box rather than the page: logging in cannot work then anyway. */
async function presentOrNone() {
  try {
    return await demoUsersPresent();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return [];
    throw error;
  }
}
