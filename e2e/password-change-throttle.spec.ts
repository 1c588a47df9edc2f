import { expect } from "@playwright/test";
import { expectApiError, meWith, MODES } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * Issue 18.3, black-box: the password change's guess limit (PASSWORD_CHANGE_MAX_FAILURES, 5 by
 * default) counts per credential. A thief with a stolen login who guesses the current password
 * five times loses that login; the owner's own login changes the password at once.
 */

const CAP = 5;

for (const mode of MODES) {
  test(`${mode} mode: guessing ends the guessing credential and never blocks the owner's change`, async ({ makeUser, apiLogin, request }) => {
    const user = await makeUser();
    const thief = await apiLogin(mode, user);
    const owner = await apiLogin(mode, user);
    const guess = (n: number) => thief.api.post("/api/account/password", { data: { currentPassword: `guess-${n}-wrong`, newPassword: "a-thiefs-new-password" } });

    for (let n = 1; n < CAP; n += 1) await expectApiError(await guess(n), 403, "wrong_password");
    await expectApiError(await guess(CAP), 401, "credential_ended");
    // The stolen login is over server-side (its cookies were cleared too; a kept copy is refused).
    const stolen = thief.body.accessToken ? { bearer: thief.body.accessToken } : { cookie: thief.cookie };
    expect((await meWith(request, mode, stolen)).status()).toBe(401);

    const change = await owner.api.post("/api/account/password", { data: { currentPassword: user.password, newPassword: "the-owners-new-password" } });
    expect(change.status(), await change.text()).toBe(200);
  });
}
