import { apiChangePassword } from "@/lib/http/account-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute((request: Request) => apiChangePassword(request));
