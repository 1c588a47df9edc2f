import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiRunLab } from "@/lib/labs/http/labs-api";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const POST = apiRoute(
  labsOnly(async (request: Request, context: RouteContext<"/api/labs/[lab]">) => apiRunLab(request, (await context.params).lab)),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"], labsOnly);
