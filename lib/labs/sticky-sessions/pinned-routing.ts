import "server-only";

import { STICKY_COOKIE, STICKY_HEALTH_PATH } from "./balancer-contract.ts";

/**
 * Waits until the balancer, given this pin, sends the sticky backend's health check to an
 * instance `wanted` accepts (and that instance answers 200) — how the lab learns that HAProxy
 * has marked a crashed instance down, or up again. Polls, because the balancer's health
 * checks run on their own clock (every 2 s, then 250 ms once one fails); gives up after `deadlineMs`.
 */
export async function waitForPinnedRouting(balancer: string, pin: string, wanted: (instance: string) => boolean, deadlineMs = 10_000): Promise<boolean> {
  const giveUpAt = Date.now() + deadlineMs;
  while (Date.now() < giveUpAt) {
    try {
      const response = await fetch(`${balancer}${STICKY_HEALTH_PATH}`, {
        headers: { cookie: `${STICKY_COOKIE}=${pin}` },
        cache: "no-store",
        redirect: "manual",
        signal: AbortSignal.timeout(2000),
      });
      await response.body?.cancel();
      const instance = response.headers.get("x-instance");
      if (response.status === 200 && instance !== null && wanted(instance)) return true;
    } catch {
      // No answer this time (the balancer between checks): ask again until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
