import { apiRetireKey } from "@/lib/http/keys-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/admin/keys/[kid]/retire">) =>
  apiRetireKey(request, (await context.params).kid),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
