import { auth } from "../../../auth.js";

export const dynamic = "force-dynamic";
const NO_STORE = { "Cache-Control": "no-store" };

export async function GET() {
  const session = await auth();
  if (!session?.user) return Response.json({ error: "unauthorized" }, { status: 401, headers: NO_STORE });
  return Response.json({ user: { id: session.user.id ?? null, email: session.user.email } }, { headers: NO_STORE });
}
