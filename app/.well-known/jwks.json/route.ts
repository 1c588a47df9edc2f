import { apiJwks } from "@/lib/http/keys-api";

// Read per request from the instance's key-set copy (no database round-trip per call).
export const dynamic = "force-dynamic";

export const GET = apiJwks;
