import { withErrorBoundary } from "@/lib/http/json";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { apiToyLogin } from "@/lib/labs/http/sticky-api";

export const POST = withErrorBoundary(labsOnly(apiToyLogin));
