import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiPasskeySignUp } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeySignUp(request));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
