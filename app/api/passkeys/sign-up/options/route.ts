import { apiRoute } from "@/lib/http/json";
import { apiPasskeySignUpOptions } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeySignUpOptions(request));
