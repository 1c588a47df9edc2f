import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiListPasskeys, apiRegisterPasskey } from "@/lib/http/passkey-api";

export const GET = apiRoute((request: Request) => apiListPasskeys(request));
export const POST = apiRoute((request: Request) => apiRegisterPasskey(request));
export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
