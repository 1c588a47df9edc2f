import { apiRetireKey } from "@/lib/http/keys-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary(async (request: Request, context: RouteContext<"/api/admin/keys/[kid]/retire">) =>
  apiRetireKey(request, (await context.params).kid),
);
