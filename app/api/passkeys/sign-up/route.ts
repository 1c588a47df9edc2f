import { apiRoute } from "@/lib/http/json";
import { apiPasskeySignUp } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeySignUp(request));
