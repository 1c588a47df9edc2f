/** Why a paced lab did not start (lib/labs/pacing.ts), for every lab page that can be refused. */
export function labsBusyText(retry: string | null): string {
  return `Labs have run often this minute (a few per user, and a cap for everyone). Try again in ${retry ?? "a few"} s.`;
}
