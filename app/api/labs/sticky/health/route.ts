import { apiRoute } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { apiStickyHealth } from "@/lib/labs/http/sticky-api";

export const GET = apiRoute(labsOnly(apiStickyHealth));
