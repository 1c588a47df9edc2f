import { apiRoute } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { apiToyLogin } from "@/lib/labs/http/sticky-api";

export const POST = apiRoute(labsOnly(apiToyLogin));
