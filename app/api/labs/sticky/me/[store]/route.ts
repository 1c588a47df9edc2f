import { apiRoute } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { apiStickyMe } from "@/lib/labs/http/sticky-api";

export const GET = apiRoute(
  labsOnly(async (_request: Request, context: RouteContext<"/api/labs/sticky/me/[store]">) => apiStickyMe((await context.params).store)),
);
