import { withErrorBoundary } from "@/lib/http/json";
import { apiRefresh, pageRefresh } from "@/lib/http/refresh-api";

export const POST = withErrorBoundary((request: Request) => apiRefresh(request));
export const GET = withErrorBoundary((request: Request) => pageRefresh(request));
