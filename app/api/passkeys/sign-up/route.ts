import { withErrorBoundary } from "@/lib/http/json";
import { apiPasskeySignUp } from "@/lib/http/passkey-api";

export const POST = withErrorBoundary((request: Request) => apiPasskeySignUp(request));
