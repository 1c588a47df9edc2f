import { apiRetireKey } from "@/lib/http/keys-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/admin/keys/[kid]/retire">) =>
  apiRetireKey(request, (await context.params).kid),
);
