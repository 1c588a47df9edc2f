import { cookies } from "next/headers";
import { strategies } from "@/lib/auth/registry";
import { json, jsonError, apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { HTTPONLY_COOKIE } from "@/lib/labs/storage/victim-page";

/**
 * GET /api/labs/storage/whoami: authenticated by the lab's httpOnly cookie alone (scoped to
 * /api/labs/storage, a throwaway user's token), with the real JWT check. What the injected
 * script reaches by riding that cookie without ever reading it.
 */
export const GET = apiRoute(
  labsOnly(async () => {
    const token = (await cookies()).get(HTTPONLY_COOKIE)?.value;
    if (!token) return jsonError(401, "no_credential", "No lab cookie came with this request.");
    const verified = await strategies.jwt.verify(token, { now: new Date(), userAgent: null, ip: null });
    if (!verified.ok) return jsonError(401, verified.code, verified.message);
    return json({ userId: verified.principal.userId, via: "the httpOnly cookie, attached by the browser" });
  }),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"], labsOnly);
