import { apiMe } from "@/lib/http/auth-api";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { corsPreflight, withCors } from "@/lib/http/with-cors";

export const GET = withCors(apiRoute(() => apiMe("jwt")));
// Cross-origin pages on the allowlist may read this with a Bearer token; never with cookies.
export const OPTIONS = corsPreflight(["GET"]);
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
