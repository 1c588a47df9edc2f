import "server-only";

import { requestMeta } from "../auth/request.ts";
import type { Principal } from "../auth/types.ts";
import type { AuditActor } from "../audit/log.ts";

/** The audit trail's "who and from where" for this request (X-Forwarded-For as lib/auth/request.ts reads it). */
export async function auditActorFor(principal: Principal): Promise<AuditActor> {
  const meta = await requestMeta();
  return { userId: principal.userId, mode: principal.mode, ip: meta.ip, userAgent: meta.userAgent };
}
