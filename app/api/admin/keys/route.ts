import { apiListKeys } from "@/lib/http/keys-api";
import { withErrorBoundary } from "@/lib/http/json";

export const GET = withErrorBoundary((request: Request) => apiListKeys(request));
