import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { apiToyLogin } from "@/lib/labs/http/sticky-api";

export const POST = apiRoute(labsOnly(apiToyLogin));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"], labsOnly);
