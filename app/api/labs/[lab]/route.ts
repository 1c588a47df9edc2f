import { apiRoute } from "@/lib/http/json";
import { apiRunLab } from "@/lib/labs/http/labs-api";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const POST = apiRoute(
  labsOnly(async (request: Request, context: RouteContext<"/api/labs/[lab]">) => apiRunLab(request, (await context.params).lab)),
);
