import { apiRegister } from "@/lib/http/register-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute(apiRegister);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
