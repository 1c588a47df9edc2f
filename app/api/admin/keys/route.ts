import { apiListKeys } from "@/lib/http/keys-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

export const GET = apiRoute((request: Request) => apiListKeys(request));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
