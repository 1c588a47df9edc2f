import { apiListKeys } from "@/lib/http/keys-api";
import { apiRoute } from "@/lib/http/json";

export const GET = apiRoute((request: Request) => apiListKeys(request));
