"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { CredentialRenewal } from "@/lib/auth/dal";

/** What a form on a protected page wires up: useActionState's three, plus the submit handler that keeps the data. */
export interface RenewingAction<State> {
  state: Awaited<State>;
  formAction: (form: FormData) => void;
  pending: boolean;
  rememberSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * useActionState for a form on a protected page whose action answers `{ renew }` when the post
 * found no usable credential (lib/auth/dal.ts userOrRenewal). The form's data is kept from the
 * submit; the credential is renewed in place (JWT mode: POST /api/jwt/refresh, which alone
 * receives the refresh cookie) and the same data posted once more, so the user's change goes
 * through. Where nothing can be renewed, or the renewal fails, the page goes where a page load
 * would (refresh or login, coming back here). Without JavaScript the action still works: the
 * page it re-renders sends the browser through that same recovery.
 */
export function useRenewingAction<State extends { renew?: CredentialRenewal }>(
  action: (previous: State, form: FormData) => Promise<State>,
  initialState: State,
): RenewingAction<State> {
  // A form state is a plain object, never a promise: Awaited<State> is State (React's generic asks for it).
  const [state, formAction, pending] = useActionState<State, FormData>(
    action as (previous: Awaited<State>, form: FormData) => Promise<State>,
    initialState as Awaited<State>,
  );
  const lastForm = useRef<FormData | null>(null);
  const renewed = useRef(false);

  useEffect(() => {
    const renew = state.renew;
    if (!renew) return;
    const form = lastForm.current;
    // Once per submit: a second refusal right after a renewal is not an expiry.
    if (!renew.scriptRenewPath || !form || renewed.current) {
      window.location.assign(renew.recoveryPath);
      return;
    }
    renewed.current = true;
    void fetch(renew.scriptRenewPath, { method: "POST", credentials: "same-origin" }).then(
      (response) => (response.ok ? startTransition(() => formAction(form)) : window.location.assign(renew.recoveryPath)),
      () => window.location.assign(renew.recoveryPath),
    );
  }, [state, formAction]);

  function rememberSubmit(event: FormEvent<HTMLFormElement>) {
    lastForm.current = new FormData(event.currentTarget);
    renewed.current = false;
  }

  return { state, formAction, pending: pending || state.renew !== undefined, rememberSubmit };
}
