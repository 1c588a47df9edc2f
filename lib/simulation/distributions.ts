import type { Random } from "./prng.ts";

/** The draws the simulation needs, from one seeded stream. */

/** Waiting time of a Poisson process of `rate` per second. */
export function exponential(random: Random, rate: number): number {
  return -Math.log(1 - random.next()) / rate;
}

/** Standard normal (Box–Muller; one of the pair is used, so every draw costs the same two numbers). */
export function standardNormal(random: Random): number {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

export interface LogNormal {
  /** Mean and standard deviation of ln(x), x in ms. */
  mu: number;
  sigma: number;
}

export function logNormal(random: Random, { mu, sigma }: LogNormal): number {
  return Math.exp(mu + sigma * standardNormal(random));
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`a quantile needs 0 < p < 1, not ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * A log-normal through measured quantiles, by least squares on ln(value) = mu + sigma·z(p).
 * Each point is (p, value in ms); values at or below zero are held at 1 µs.
 */
export function fitLogNormal(points: { p: number; ms: number }[]): LogNormal {
  if (points.length < 2) throw new Error("a log-normal needs at least two quantiles");
  const xs = points.map((point) => normalQuantile(point.p));
  const ys = points.map((point) => Math.log(Math.max(point.ms, 0.001)));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  if (sxx === 0) throw new Error("the quantiles must be at more than one p");
  const sigma = Math.max(0, xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0) / sxx);
  return { mu: meanY - sigma * meanX, sigma };
}
