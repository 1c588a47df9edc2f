import { withErrorBoundary } from "@/lib/http/json";
import { labsOnly } from "@/lib/http/labs-switch";
import { apiStickyHealth } from "@/lib/http/sticky-lab-api";

export const GET = withErrorBoundary(labsOnly(apiStickyHealth));
