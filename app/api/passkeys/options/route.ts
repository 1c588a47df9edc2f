import { apiRoute } from "@/lib/http/json";
import { apiPasskeyRegistrationOptions } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeyRegistrationOptions(request));
