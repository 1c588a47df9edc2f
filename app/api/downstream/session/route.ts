import { apiDownstreamSession } from "@/lib/http/downstream-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const GET = apiRoute(labsOnly(apiDownstreamSession));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"], labsOnly);
