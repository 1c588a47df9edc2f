import { apiRoute } from "@/lib/http/json";
import { apiPasskeySignInOptions } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeySignInOptions(request));
