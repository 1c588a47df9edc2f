import { apiRevokeSession } from "@/lib/http/devices-api";
import { apiRoute } from "@/lib/http/json";

export const DELETE = apiRoute(async (request: Request, context: RouteContext<"/api/session/sessions/[id]">) =>
  apiRevokeSession(request, (await context.params).id),
);
