import { withErrorBoundary } from "@/lib/http/json";
import { labsOnly } from "@/lib/http/labs-switch";
import { apiToyLogin } from "@/lib/http/sticky-lab-api";

export const POST = withErrorBoundary(labsOnly(apiToyLogin));
