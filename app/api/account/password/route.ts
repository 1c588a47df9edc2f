import { apiChangePassword } from "@/lib/http/account-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary((request: Request) => apiChangePassword(request));
