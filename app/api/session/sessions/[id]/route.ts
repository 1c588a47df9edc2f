import { apiRevokeSession } from "@/lib/http/devices-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const DELETE = apiRoute(async (request: Request, context: RouteContext<"/api/session/sessions/[id]">) =>
  apiRevokeSession(request, (await context.params).id),
);
export const { GET, POST, PUT, PATCH, OPTIONS } = refuseOtherMethods(["DELETE"]);
