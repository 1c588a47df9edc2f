import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiPasskeySignUpOptions } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeySignUpOptions(request));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
