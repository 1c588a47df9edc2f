import { expect, test, type Page, type Response } from "@playwright/test";
import { MODES } from "../fixtures.ts";
import { addAuthenticator, logOut, signInWithPasskey, signUpWithPasskey } from "../passkey-fixtures.ts";

/**
 * Passkeys through the balancer: a ceremony's challenge is made by whichever instance serves
 * the options and must be found (once) by whichever serves the answer. If challenges or the
 * pending sign-up lived in one process's memory, a ceremony split across the two instances
 * would fail: this suite makes sure at least one is split, and that every one succeeds.
 */

interface Ceremony {
  options?: string;
  answer?: string;
}

/** The instance (X-Instance) that served each half of every passkey sign-in, in order. */
function recordSignIns(page: Page): Ceremony[] {
  const ceremonies: Ceremony[] = [];
  page.on("response", (response: Response) => {
    const { pathname } = new URL(response.url());
    if (response.request().method() !== "POST") return;
    const instance = response.headers()["x-instance"] ?? "unknown";
    if (pathname === "/api/passkeys/sign-in/options") ceremonies.push({ options: instance });
    if (pathname === "/api/passkeys/sign-in" && ceremonies.length > 0) ceremonies.at(-1)!.answer = instance;
  });
  return ceremonies;
}

const split = (ceremony: Ceremony) => ceremony.options !== undefined && ceremony.answer !== undefined && ceremony.options !== ceremony.answer;

for (const mode of MODES) {
  test(`${mode} mode: sign up with a passkey and sign in with it, the ceremony's halves on different instances`, async ({ page, context }) => {
    await addAuthenticator(page);
    // The sign-up alone crosses instances too: the pending record, the mailed link, the finish.
    await signUpWithPasskey(page, mode);
    const ceremonies = recordSignIns(page);
    // Round robin with other tests' traffic in between: a few sign-ins make a split one certain
    // enough (each is one by chance about half the time); every one of them must succeed.
    for (let attempt = 0; attempt < 10 && !ceremonies.some(split); attempt += 1) {
      await logOut(context);
      await signInWithPasskey(page, mode);
      await expect(page).toHaveURL(`/${mode}/dashboard`, { timeout: 15_000 });
    }
    expect(ceremonies.filter(split).length, JSON.stringify(ceremonies)).toBeGreaterThan(0);
    expect(ceremonies.every((ceremony) => ceremony.answer !== undefined)).toBe(true);
  });
}
