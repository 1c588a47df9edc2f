import { apiRoute } from "@/lib/http/json";
import { apiLabInstance } from "@/lib/labs/http/labs-api";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const GET = apiRoute(labsOnly(apiLabInstance));
