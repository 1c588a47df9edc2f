"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/roles";
import { adminUserAction, type AdminActionState } from "./actions";

const initialState: AdminActionState = {};
const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60";
const dangerButton = "rounded-md bg-red-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-800 disabled:opacity-60";

/**
 * Every action on one user; each button names the user, so a screen reader hears whom it hits.
 * Disable, role change and "log out everywhere" take two posts: the first only asks (the answer
 * says what the user will see), the second — from the confirmation — acts. Plain forms, so the
 * step is there without JavaScript too, not a window.confirm that a script-less browser skips.
 */
export function UserActions({ user }: { user: { id: string; email: string; role: Role; disabled: boolean; isSelf: boolean } }): React.ReactNode {
  const [state, formAction, pending] = useActionState(adminUserAction, initialState);
  const otherRole: Role = user.role === "admin" ? "user" : "admin";
  const asking = state.confirm;
  if (asking) {
    return (
      <div role="group" aria-label={asking.question} className="max-w-sm space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-xs">
        <p className="font-semibold text-red-900">{asking.question}</p>
        <p className="text-slate-800">{asking.consequence}</p>
        <div className="flex flex-wrap gap-2">
          <form action={formAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="op" value={asking.op} />
            {asking.role ? <input type="hidden" name="role" value={asking.role} /> : null}
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" disabled={pending} className={dangerButton}>
              Yes: {asking.question.replace(/\?$/, "").replace(/^./, (first) => first.toLowerCase())}
            </button>
          </form>
          <form action={formAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="op" value="cancel" />
            <button type="submit" disabled={pending} className={button}>
              Cancel
            </button>
          </form>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {user.isSelf && !user.disabled ? null : (
        <form action={formAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="op" value={user.disabled ? "enable" : "disable"} />
          <button type="submit" disabled={pending} className={button} aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}>
            {user.disabled ? "Enable" : "Disable…"}
          </button>
        </form>
      )}
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="op" value="role" />
        <input type="hidden" name="role" value={otherRole} />
        <button type="submit" disabled={pending} className={button} aria-label={`Make ${user.email} ${otherRole === "admin" ? "an admin" : "a user"}`}>
          {otherRole === "admin" ? "Make admin…" : "Make user…"}
        </button>
      </form>
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="op" value="end_all" />
        <button type="submit" disabled={pending} className={button} aria-label={`Log ${user.email} out everywhere`}>
          Log out everywhere…
        </button>
      </form>
      <p role="status" className={`basis-full text-xs ${state.error ? "text-red-700" : "text-slate-700"}`}>
        {state.error ?? state.done}
      </p>
    </div>
  );
}
