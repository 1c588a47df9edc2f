import { apiDownstreamToken } from "@/lib/http/downstream-token-api";
import { apiRoute } from "@/lib/http/json";

export const POST = apiRoute((request: Request) => apiDownstreamToken("jwt", request));
