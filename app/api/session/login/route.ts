import { apiLogin } from "@/lib/http/auth-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute((request: Request) => apiLogin("session", request));
