import { withErrorBoundary } from "@/lib/http/json";
import { apiLabInstance } from "@/lib/http/labs-api";
import { labsOnly } from "@/lib/http/labs-switch";

export const GET = withErrorBoundary(labsOnly(apiLabInstance));
