import { queriesSoFar } from "../../../../lib/db.js";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ queries: queriesSoFar() }, { headers: { "Cache-Control": "no-store" } });
}
