import { apiLogoutEverywhere } from "@/lib/http/devices-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary((request: Request) => apiLogoutEverywhere(request));
