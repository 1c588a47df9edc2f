import { apiRevokeSession } from "@/lib/http/devices-api";
import { withErrorBoundary } from "@/lib/http/json";

export const DELETE = withErrorBoundary(async (request: Request, context: RouteContext<"/api/session/sessions/[id]">) =>
  apiRevokeSession(request, (await context.params).id),
);
