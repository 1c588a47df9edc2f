import { apiEndEverything } from "@/lib/http/admin-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary(async (request: Request, context: RouteContext<"/api/admin/users/[id]/end-all">) =>
  apiEndEverything(request, (await context.params).id),
);
