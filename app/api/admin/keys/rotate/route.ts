import { apiRotateKeys } from "@/lib/http/keys-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary((request: Request) => apiRotateKeys(request));
