import { withErrorBoundary } from "@/lib/http/json";
import { apiSessionServiceToken } from "@/lib/http/service-token-api";

export const POST = withErrorBoundary((request: Request) => apiSessionServiceToken(request));
