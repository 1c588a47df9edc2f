import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiRemovePasskey } from "@/lib/http/passkey-api";

export const DELETE = apiRoute(async (request: Request, context: RouteContext<"/api/passkeys/[id]">) => apiRemovePasskey(request, (await context.params).id));
export const { GET, POST, PUT, PATCH, OPTIONS } = refuseOtherMethods(["DELETE"]);
