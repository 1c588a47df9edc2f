import { apiDownstreamSession } from "@/lib/http/downstream-api";
import { apiRoute } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const GET = apiRoute(labsOnly(apiDownstreamSession));
