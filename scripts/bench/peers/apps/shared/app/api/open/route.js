export const dynamic = "force-dynamic";

// The uncredentialed route this app's /me is divided by: the same shape of answer, no auth.
export function GET() {
  return Response.json({ user: { id: "open", email: "open@bench.test" } }, { headers: { "Cache-Control": "no-store" } });
}
