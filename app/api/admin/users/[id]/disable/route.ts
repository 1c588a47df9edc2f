import { apiSetDisabled } from "@/lib/http/admin-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/admin/users/[id]/disable">) =>
  apiSetDisabled(request, (await context.params).id, true),
);
