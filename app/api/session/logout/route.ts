import { apiLogout } from "@/lib/http/auth-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute((request: Request) => apiLogout("session", request));
