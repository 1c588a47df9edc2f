import { apiSetRole } from "@/lib/http/admin-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/admin/users/[id]/role">) =>
  apiSetRole(request, (await context.params).id),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
