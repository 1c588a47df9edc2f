/**
 * The storage lab's verdicts: what the injected script stole from each place the same JWT was
 * kept, and what it could still do without reading anything. Pure: the vulnerable page's
 * script reports the observations, the tests feed them by hand.
 */

export type Place = "localStorage" | "readableCookie" | "httpOnlyCookie";
export const PLACES: readonly Place[] = ["localStorage", "readableCookie", "httpOnlyCookie"];

export interface StorageObservations {
  /** What the attacker endpoint received and verified, per place: a token that works, or nothing. */
  stolen: Record<Place, { received: boolean; validToken: boolean }>;
  /** The injected script's same-origin request that only the httpOnly cookie authenticates. */
  rideStatus: number | null;
}

export interface PlaceVerdict {
  place: Place;
  outcome: "stolen" | "not_readable";
  headline: string;
}

const WHERE: Record<Place, string> = {
  localStorage: "localStorage",
  readableCookie: "a cookie readable by script",
  httpOnlyCookie: "the httpOnly cookie",
};

export function judgePlace(observed: StorageObservations, place: Place): PlaceVerdict {
  const { received, validToken } = observed.stolen[place];
  if (received && validToken) {
    return { place, outcome: "stolen", headline: `The script read the token from ${WHERE[place]} and the attacker's server holds a working copy.` };
  }
  return { place, outcome: "not_readable", headline: `The script could not read the token from ${WHERE[place]}: nothing reached the attacker.` };
}

export interface MisuseVerdict {
  outcome: "rode_the_cookie" | "could_not_ride" | "inconclusive";
  headline: string;
}

/** httpOnly stops theft, not misuse: the script rides the cookie on a same-origin request. */
export function judgeMisuse(observed: StorageObservations): MisuseVerdict {
  if (observed.rideStatus === 200) {
    return { outcome: "rode_the_cookie", headline: "Without reading it, the script still used the httpOnly cookie: the browser attached it to the script's same-origin request, which the server accepted." };
  }
  if (observed.rideStatus === null) return { outcome: "inconclusive", headline: "The script's same-origin request did not complete." };
  return { outcome: "could_not_ride", headline: `The script's same-origin request was refused (${observed.rideStatus}).` };
}
