import { apiSetDisabled } from "@/lib/http/admin-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/admin/users/[id]/disable">) =>
  apiSetDisabled(request, (await context.params).id, true),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
