import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { apiStickyMe } from "@/lib/labs/http/sticky-api";

export const GET = apiRoute(
  labsOnly(async (_request: Request, context: RouteContext<"/api/labs/sticky/me/[store]">) => apiStickyMe((await context.params).store)),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"], labsOnly);
