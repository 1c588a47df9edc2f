export const dynamic = "force-dynamic";

// What the bench polls until the server answers (the name bench:http's waitUntilHealthy polls).
export function GET() {
  return Response.json({ ok: true });
}
