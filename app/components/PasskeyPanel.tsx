"use client";

import { useEffect, useState, type FormEvent } from "react";
import { LocalTime } from "./LocalTime";
import { passkeyRegister } from "./passkey-client";

interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  synced: boolean;
}

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm";
const button = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60";

/** The dashboard's passkeys, either mode: list, add, remove (the last way in is refused by the server). */
export function PasskeyPanel(): React.ReactNode {
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Bumped after every add and remove: the list is read again from the server, the one truth.
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((value) => value + 1);
  useEffect(() => {
    let current = true;
    fetch("/api/passkeys")
      .then((response) => (response.ok ? (response.json() as Promise<{ passkeys: Passkey[] }>) : null))
      .then((body) => {
        if (current && body) setPasskeys(body.passkeys);
      })
      .catch(() => setMessage("The passkey list could not be loaded."));
    return () => {
      current = false;
    };
  }, [generation]);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("passkeyName") ?? "");
    setPending(true);
    setMessage(null);
    const result = await passkeyRegister(name);
    setPending(false);
    setMessage(result.ok ? `Passkey “${name}” added.` : result.message);
    reload();
  }

  async function remove(passkey: Passkey) {
    setMessage(null);
    const response = await fetch(`/api/passkeys/${encodeURIComponent(passkey.id)}`, { method: "DELETE" });
    if (response.ok) setMessage(`Passkey “${passkey.name}” removed.`);
    else setMessage(((await response.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? `The server answered ${response.status}.`);
    reload();
  }

  return (
    <div className="space-y-3">
      {passkeys === null ? null : passkeys.length === 0 ? (
        <p className="text-sm text-slate-600">No passkeys yet.</p>
      ) : (
        <ul aria-label="Your passkeys" className="divide-y rounded-md border text-sm">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <span>
                <strong>{passkey.name}</strong> · added <LocalTime at={passkey.createdAt} />
                {passkey.lastUsedAt ? (
                  <>
                    {" "}· last used <LocalTime at={passkey.lastUsedAt} />
                  </>
                ) : null}
                {passkey.synced ? " · synced" : null}
              </span>
              <button type="button" className={button} onClick={() => remove(passkey)}>
                Remove {passkey.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <label className="block text-sm sm:col-span-2">
          <span className="font-medium text-slate-700">Passkey name</span>
          <input name="passkeyName" required maxLength={60} defaultValue="My passkey" className={input} />
        </label>
        <button type="submit" disabled={pending} className={button}>
          {pending ? "Waiting for your passkey…" : "Add a passkey"}
        </button>
      </form>
      <p role="status" className="text-sm text-slate-700">
        {message}
      </p>
    </div>
  );
}
