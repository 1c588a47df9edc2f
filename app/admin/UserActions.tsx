"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/roles";
import { adminUserAction, type AdminActionState } from "./actions";

const initialState: AdminActionState = {};
const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60";

/** Every action on one user; each button names the user, so a screen reader hears whom it hits. */
export function UserActions({ user }: { user: { id: string; email: string; role: Role; disabled: boolean; isSelf: boolean } }) {
  const [state, formAction, pending] = useActionState(adminUserAction, initialState);
  const otherRole: Role = user.role === "admin" ? "user" : "admin";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {user.isSelf && !user.disabled ? null : (
        <form action={formAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="op" value={user.disabled ? "enable" : "disable"} />
          <button type="submit" disabled={pending} className={button} aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}>
            {user.disabled ? "Enable" : "Disable"}
          </button>
        </form>
      )}
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="op" value="role" />
        <input type="hidden" name="role" value={otherRole} />
        <button type="submit" disabled={pending} className={button} aria-label={`Make ${user.email} ${otherRole === "admin" ? "an admin" : "a user"}`}>
          {otherRole === "admin" ? "Make admin" : "Make user"}
        </button>
      </form>
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="op" value="end_all" />
        <button type="submit" disabled={pending} className={button} aria-label={`Log ${user.email} out everywhere`}>
          Log out everywhere
        </button>
      </form>
      <p role="status" className={`basis-full text-xs ${state.error ? "text-red-700" : "text-slate-700"}`}>
        {state.error ?? state.done}
      </p>
    </div>
  );
}
