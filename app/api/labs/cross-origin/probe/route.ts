import { apiRoute } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { probeCookies } from "@/lib/labs/cross-origin/cookie-probe";

export const GET = apiRoute(labsOnly(async (request: Request) => probeCookies(request)));
