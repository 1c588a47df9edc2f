import { apiRoute } from "@/lib/http/json";
import { apiPasskeySignIn } from "@/lib/http/passkey-api";

export const POST = apiRoute((request: Request) => apiPasskeySignIn(request));
