import { withErrorBoundary } from "@/lib/http/json";
import { apiPasskeyRegistrationOptions } from "@/lib/http/passkey-api";

export const POST = withErrorBoundary((request: Request) => apiPasskeyRegistrationOptions(request));
