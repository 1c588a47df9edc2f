import { withErrorBoundary } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { probeCookies } from "@/lib/labs/cross-origin/cookie-probe";

export const GET = withErrorBoundary(labsOnly(async (request: Request) => probeCookies(request)));
