import { apiRotateKeys } from "@/lib/http/keys-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const POST = apiRoute((request: Request) => apiRotateKeys(request));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
