import { apiLogout } from "@/lib/http/auth-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary((request: Request) => apiLogout("jwt", request));
