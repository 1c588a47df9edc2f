import { apiListSessions } from "@/lib/http/devices-api";
import { withErrorBoundary } from "@/lib/http/json";

export const GET = withErrorBoundary(() => apiListSessions());
