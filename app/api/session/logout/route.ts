import { apiLogout } from "@/lib/http/auth-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute((request: Request) => apiLogout("session", request));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
