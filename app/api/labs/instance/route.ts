import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiLabInstance } from "@/lib/labs/http/labs-api";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const GET = apiRoute(labsOnly(apiLabInstance));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"], labsOnly);
