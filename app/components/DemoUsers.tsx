import { connection } from "next/server";
import { getConfig } from "@/lib/env";

/** The users prisma/seed.ts creates, with their published passwords. */
const DEMO_USERS = [
  { email: "alice@example.com", password: "alice-password", role: "admin" },
  { email: "bob@example.com", password: "bob-password", role: "user" },
] as const;

/**
 * Only in DEMO_MODE: elsewhere these users are not seeded, and a login page advertising an admin
 * password would invite guessing it. Read per request (connection()), never baked in at build time.
 */
export async function DemoUsers({ layout }: { layout: "box" | "line" }) {
  await connection();
  if (!getConfig().DEMO_MODE) return null;
  if (layout === "line") {
    const [alice, bob] = DEMO_USERS;
    return (
      <p className="text-sm text-slate-600">
        Demo users: <code className="font-mono">{alice.email}</code> / <code className="font-mono">{alice.password}</code> ({alice.role}) and{" "}
        <code className="font-mono">{bob.email}</code> / <code className="font-mono">{bob.password}</code>.
      </p>
    );
  }
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4">
      <h3 className="font-medium text-slate-900">Demo users</h3>
      <ul className="mt-2 space-y-1 font-mono text-xs">
        {DEMO_USERS.map((user) => (
          <li key={user.email}>
            {user.email} / {user.password} ({user.role})
          </li>
        ))}
      </ul>
    </div>
  );
}
