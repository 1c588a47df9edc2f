import { apiRegister } from "@/lib/http/register-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute(apiRegister);
