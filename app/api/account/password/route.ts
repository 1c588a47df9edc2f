import { apiChangePassword } from "@/lib/http/account-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute((request: Request) => apiChangePassword(request));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
