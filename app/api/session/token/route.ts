import { apiDownstreamToken } from "@/lib/http/downstream-token-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary((request: Request) => apiDownstreamToken("session", request));
