import { apiRegister } from "@/lib/http/register-api";
import { withErrorBoundary } from "@/lib/http/json";

export const POST = withErrorBoundary(apiRegister);
