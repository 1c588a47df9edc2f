import "server-only";

import { headers } from "next/headers";
import { getConfig } from "../../../env.ts";
import { relyingPartyFor, type RelyingPartyAnswer } from "./relying-party.ts";

/** The relying party for the request being handled (the Next half of relying-party.ts). */
export async function currentRelyingParty(): Promise<RelyingPartyAnswer> {
  return relyingPartyFor(await headers(), getConfig());
}
