import { apiSetDisabled } from "@/lib/http/admin-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary(async (request: Request, context: RouteContext<"/api/admin/users/[id]/disable">) =>
  apiSetDisabled(request, (await context.params).id, true),
);
