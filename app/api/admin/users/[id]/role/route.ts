import { apiSetRole } from "@/lib/http/admin-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary(async (request: Request, context: RouteContext<"/api/admin/users/[id]/role">) =>
  apiSetRole(request, (await context.params).id),
);
