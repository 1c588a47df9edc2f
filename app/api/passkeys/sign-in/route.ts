import { withErrorBoundary } from "@/lib/http/json";
import { apiPasskeySignIn } from "@/lib/http/passkey-api";

export const POST = withErrorBoundary((request: Request) => apiPasskeySignIn(request));
