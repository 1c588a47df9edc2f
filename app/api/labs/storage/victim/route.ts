import { addTransportSecurity, refuseMisaddressedApiRequest } from "@/lib/http/api-route-gate";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { VICTIM_CSP, victimPage } from "@/lib/labs/storage/victim-page";

/**
 * The storage lab's vulnerable page: plain HTML with a CSP of its own (see the module). Not
 * through apiRoute (its answers are JSON), so it asks the route gate itself.
 */
export const GET = labsOnly(async (request: Request) => {
  const misaddressed = refuseMisaddressedApiRequest(request, "html");
  if (misaddressed) return misaddressed;
  const page = new Response(victimPage(), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": VICTIM_CSP,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
    },
  });
  return addTransportSecurity(request, page);
});
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"], labsOnly);
