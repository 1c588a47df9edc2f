import "server-only";

import { z } from "zod";
import { strategies } from "../../auth/registry.ts";
import { judgeMisuse, judgePlace, PLACES, type MisuseVerdict, type Place, type PlaceVerdict, type StorageObservations } from "./verdict.ts";

/**
 * The storage lab's "attacker endpoint": it receives whatever the injected script could read
 * and checks whether each is a token that works (the real, authoritative check), then says
 * what the attacker now holds. It changes nothing and keeps nothing.
 */

export const storageReportSchema = z.object({
  grab: z.object(Object.fromEntries(PLACES.map((place) => [place, z.string().max(4096).nullable()])) as Record<Place, z.ZodNullable<z.ZodString>>),
  rideStatus: z.number().int().nullable(),
});
export type StorageReport = z.infer<typeof storageReportSchema>;

const WHAT: Record<Place, string> = { localStorage: "localStorage", readableCookie: "cookie readable by script", httpOnlyCookie: "httpOnly cookie" };

/** A row of the victim page's table: one place the token was kept (`place`), or the ride on the cookie. */
export interface StorageVerdictRow {
  what: string;
  place?: Place;
  outcome: PlaceVerdict["outcome"] | MisuseVerdict["outcome"];
  headline: string;
}

export async function judgeStorageReport(report: StorageReport, now: Date): Promise<{ verdicts: StorageVerdictRow[] }> {
  const stolen = {} as StorageObservations["stolen"];
  for (const place of PLACES) {
    const value = report.grab[place];
    const valid = value ? (await strategies.jwt.verify(value, { now, userAgent: null, ip: null })).ok : false;
    stolen[place] = { received: value !== null && value !== "", validToken: valid };
  }
  const observed: StorageObservations = { stolen, rideStatus: report.rideStatus };
  const misuse = judgeMisuse(observed);
  return {
    verdicts: [
      ...PLACES.map((place) => ({ what: WHAT[place], ...judgePlace(observed, place) })),
      { what: "httpOnly cookie, used without reading it", outcome: misuse.outcome, headline: misuse.headline },
    ],
  };
}
