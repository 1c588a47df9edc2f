"use server";

import { notFound, redirect } from "next/navigation";
import { labOrigin, labsEnabled } from "@/lib/labs/enabled";
import { runLab } from "@/lib/labs/run-lab";
import { verifyLabStarter } from "@/lib/labs/starter";
import { isLabId } from "@/lib/labs/types";

/**
 * "Run the lab": runs it, then redirects to the lab page with the run's id (303), so the
 * result has a URL, a reload does not run it again, and it works without JavaScript.
 */
export async function runLabAction(form: FormData): Promise<void> {
  const lab = form.get("lab");
  if (typeof lab !== "string" || !isLabId(lab) || !labsEnabled()) notFound();
  // Next checks a Server Action's Origin against the host itself; the DAL says who runs it.
  const starter = await verifyLabStarter();
  if (!starter) redirect(`/labs/${lab}?error=login_required`);
  const run = await runLab(lab, labOrigin(), starter);
  if (run.ok) redirect(`/labs/${lab}?run=${run.result.runId}`);
  const retry = run.retryAfterSeconds === undefined ? "" : `&retry=${run.retryAfterSeconds}`;
  redirect(`/labs/${lab}?error=${encodeURIComponent(run.code)}${retry}`);
}
