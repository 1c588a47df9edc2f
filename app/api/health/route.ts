import { instanceName } from "@/lib/instance-name";

/**
 * Liveness for the balancer's health check: this process answers. Deliberately no database
 * read: an instance whose database is down still serves JWT-mode requests, and taking it out
 * of rotation would hide exactly what the labs show.
 */
export function GET(): Response {
  return Response.json({ ok: true, instance: instanceName() }, { headers: { "Cache-Control": "no-store" } });
}
