/**
 * Why a login ended, as the login page may tell the one who held it (issue 22 item 10).
 * A closed list of codes mapped to fixed sentences: whatever carries a code (a state record,
 * a cookie) is checked against this list, so nothing free-form ever reaches the page, and an
 * unknown or tampered code shows nothing. The sentences say only what the holder of the ended
 * credential may know: why *this* login ended, nothing about other logins or the account.
 * No framework, no database: proxy-safe and unit-tested (ended-notice.test.ts).
 */

export const ENDED_NOTICES = {
  ended_elsewhere: "This login was ended from another device.",
  logged_out_everywhere: "Someone using this account chose “log out everywhere”.",
  password_changed: "The account's password was changed, which ends every other login.",
  user_disabled: "An administrator disabled this account.",
  ended_by_admin: "An administrator ended this account's logins.",
  reuse_detected: "This login's refresh token was used twice — a sign it may have been copied — so the login was ended.",
} as const;

export type EndedNoticeCode = keyof typeof ENDED_NOTICES;

export function isEndedNoticeCode(value: unknown): value is EndedNoticeCode {
  return typeof value === "string" && Object.hasOwn(ENDED_NOTICES, value);
}

/** The sentence for a code, or null for anything not on the list (never a 500, never echoed). */
export function endedNoticeMessage(code: unknown): string | null {
  return isEndedNoticeCode(code) ? ENDED_NOTICES[code] : null;
}

/**
 * The notice for a reason a mode recorded when it ended a login (EndReason, "device_ended",
 * JWT's "reuse_detected", …). A logout by the holder on this device ("logout") is no news to
 * them: no notice. Neither is anything unknown.
 */
export function endedNoticeForReason(reason: string | null | undefined): EndedNoticeCode | null {
  switch (reason) {
    case "device_ended":
      return "ended_elsewhere";
    case "logout_everywhere":
      return "logged_out_everywhere";
    case "password_changed":
    case "user_disabled":
    case "ended_by_admin":
    case "reuse_detected":
      return reason;
    default:
      return null;
  }
}
