import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { probeCookies } from "@/lib/labs/cross-origin/cookie-probe";

export const GET = apiRoute(labsOnly(async (request: Request) => probeCookies(request)));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"], labsOnly);
