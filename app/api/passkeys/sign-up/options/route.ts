import { withErrorBoundary } from "@/lib/http/json";
import { apiPasskeySignUpOptions } from "@/lib/http/passkey-api";

export const POST = withErrorBoundary((request: Request) => apiPasskeySignUpOptions(request));
