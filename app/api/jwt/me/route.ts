import { apiMe } from "@/lib/http/auth-api";
import { withErrorBoundary } from "@/lib/http/json";

export const GET = withErrorBoundary(() => apiMe("jwt"));
