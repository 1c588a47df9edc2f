import { apiSetRole } from "@/lib/http/admin-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/admin/users/[id]/role">) =>
  apiSetRole(request, (await context.params).id),
);
