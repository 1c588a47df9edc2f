import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiRefresh, pageRefresh } from "@/lib/http/refresh-api";

export const POST = apiRoute((request: Request) => apiRefresh(request));
export const GET = apiRoute((request: Request) => pageRefresh(request));
export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
