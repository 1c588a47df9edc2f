import { apiRotateKeys } from "@/lib/http/keys-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute((request: Request) => apiRotateKeys(request));
