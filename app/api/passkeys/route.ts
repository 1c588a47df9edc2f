import { withErrorBoundary } from "@/lib/http/json";
import { apiListPasskeys, apiRegisterPasskey } from "@/lib/http/passkey-api";

export const GET = withErrorBoundary((request: Request) => apiListPasskeys(request));
export const POST = withErrorBoundary((request: Request) => apiRegisterPasskey(request));
