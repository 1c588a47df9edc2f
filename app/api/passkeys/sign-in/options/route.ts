import { withErrorBoundary } from "@/lib/http/json";
import { apiPasskeySignInOptions } from "@/lib/http/passkey-api";

export const POST = withErrorBoundary((request: Request) => apiPasskeySignInOptions(request));
