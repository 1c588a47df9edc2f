import { instanceName } from "@/lib/instance-name";
import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

/**
 * Liveness for the balancer's health check: this process answers. Deliberately no database
 * read: an instance whose database is down still serves JWT-mode requests, and taking it out
 * of rotation would hide exactly what the labs show. Through apiRoute like every route, so a
 * host this server does not serve is refused here too (HAProxy's check sends no Host: allowed).
 */
export const GET = apiRoute(async () => Response.json({ ok: true, instance: instanceName() }, { headers: { "Cache-Control": "no-store" } }));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
