import { apiDownstreamSession } from "@/lib/http/downstream-api";
import { withErrorBoundary } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";

export const GET = withErrorBoundary(labsOnly(apiDownstreamSession));
