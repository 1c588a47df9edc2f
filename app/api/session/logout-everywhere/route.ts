import { apiLogoutEverywhere } from "@/lib/http/devices-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute((request: Request) => apiLogoutEverywhere(request));
