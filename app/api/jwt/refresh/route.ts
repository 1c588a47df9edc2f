import { apiRoute } from "@/lib/http/json";
import { apiRefresh, pageRefresh } from "@/lib/http/refresh-api";

export const POST = apiRoute((request: Request) => apiRefresh(request));
export const GET = apiRoute((request: Request) => pageRefresh(request));
