import type { AuthMode } from "@/lib/auth/modes";
import type { Component, ModeResult } from "@/lib/capacity/model";
import type { ModeSaturation } from "@/lib/capacity/saturation";
import { RESOURCES, SWEEP } from "@/lib/capacity/sweep";
import { formatRate, formatTick } from "@/lib/capacity/units";
import { formatCount, formatMs } from "@/lib/format/units";
import type { SimulationFile } from "@/lib/simulation/report-schema";
import type { LineSeries, LogLogChartProps, Marker } from "./charts/LogLogChart";

/**
 * What /scale draws, as chart props: shared by the page and by scripts/scale-charts.tsx, which
 * writes the same pictures to docs/bench/ for docs/SCALE.md. Each description holds the numbers
 * a screen reader needs in place of the picture.
 */

const MODE_LABEL: Record<AuthMode, string> = { session: "session", jwt: "JWT" };
/** Short enough to sit above a chart 390 px wide. */
const SHORT: Record<Component, string> = { "app CPU": "app CPU", "PostgreSQL primary": "PostgreSQL", Redis: "Redis" };

export function saturationMarkers(saturations: Record<AuthMode, ModeSaturation>): Marker[] {
  return (["session", "jwt"] as const).flatMap((mode) => {
    const first = saturations[mode].first;
    if (!first || first.atRps < SWEEP.from || first.atRps > SWEEP.to) return [];
    return [{ x: first.atRps, tone: mode, label: `${MODE_LABEL[mode]}: ${SHORT[first.component]} full` }];
  });
}

export function markerText(markers: Marker[]): string {
  return markers.length > 0 ? `Dashed: ${markers.map((marker) => `${marker.label} at ${formatCount(marker.x)} req/s`).join("; ")}.` : "Nothing saturates between 1,000 and 1,000,000 req/s.";
}

export type LoadChart = { key: string; label: string; props: LogLogChartProps | null };

/** One chart per resource, or null where both modes need none of it at any load. */
export function loadChartProps(sweep: Record<AuthMode, { load: number; result: ModeResult }[]>, saturations: Record<AuthMode, ModeSaturation>): LoadChart[] {
  const markers = saturationMarkers(saturations);
  return RESOURCES.map((resource) => {
    const values = (mode: AuthMode) => sweep[mode].map(({ load, result }) => ({ x: load, y: resource.of(result) }));
    if ((["session", "jwt"] as const).every((mode) => values(mode).every((point) => point.y === 0))) return { key: resource.key, label: resource.label, props: null };
    const at = (mode: AuthMode, index: number) => formatRate(values(mode)[index]!.y);
    const last = sweep.session.length - 1;
    return {
      key: resource.key,
      label: resource.label,
      props: {
        id: `load-${resource.key}`,
        title: `${resource.label} (${resource.unit})`,
        description: `${resource.label} in ${resource.unit} against load: at 1,000 req/s session ${at("session", 0)}, JWT ${at("jwt", 0)}; at 1,000,000 req/s session ${at("session", last)}, JWT ${at("jwt", last)}. ${markerText(markers)}`,
        series: (["session", "jwt"] as const).map((mode) => ({ label: MODE_LABEL[mode], tone: mode, points: values(mode) })),
        markers,
        x: { domain: [SWEEP.from, SWEEP.to], format: formatTick, unit: "req/s" },
        y: { format: formatTick, unit: resource.unit },
        samples: `Load in authenticated req/s. ${markerText(markers)}`,
      },
    };
  });
}

const RESTART_TONES = ["session", "jwt", "neutral", "muted"] as const;

export function lagChartProps(simulation: SimulationFile): LogLogChartProps {
  const { fleets } = simulation;
  const series: LineSeries[] = [
    { label: "p50", tone: "neutral", points: fleets.map((fleet) => ({ x: fleet.instances, y: fleet.push.lag.p50Ms })) },
    { label: "p99", tone: "jwt", dashed: true, points: fleets.map((fleet) => ({ x: fleet.instances, y: fleet.push.lag.p99Ms })) },
  ];
  const text = fleets.map((fleet) => `N = ${formatCount(fleet.instances)}: p50 ${formatMs(fleet.push.lag.p50Ms)}, p99 ${formatMs(fleet.push.lag.p99Ms)}`).join("; ");
  return {
    id: "simulation-lag",
    title: "Revocation lag with the push cache (ms), against instances",
    description: `Time until every other instance has the invalidation. ${text}.`,
    series,
    x: { domain: [fleets[0]?.instances ?? 2, fleets.at(-1)?.instances ?? 1000], format: formatTick, unit: "instances" },
    y: { format: formatTick, unit: "ms" },
    samples: `Until the last instance has the invalidation: Redis serves its subscribers one after another, so the thousandth waits ${formatMs(simulation.delivery.perDeliveryMs * 999)} more than the first.`,
  };
}

export function restartChartProps(simulation: SimulationFile): LogLogChartProps {
  const series: LineSeries[] = simulation.fleets.map((fleet, index) => ({
    label: `N = ${formatCount(fleet.instances)}`,
    tone: RESTART_TONES[index % RESTART_TONES.length]!,
    points: fleet.push.restart.series.readsPerSecond.map((reads, second) => ({ x: second, y: reads })),
  }));
  const text = simulation.fleets.map((fleet) => `N = ${formatCount(fleet.instances)}: ${formatCount(fleet.push.restart.steadyReadsPerSecond)} reads/s before, up to ${formatCount(fleet.push.restart.peakReadsPerSecond)} after`).join("; ");
  return {
    id: "simulation-restart",
    title: "Database reads per second of one instance restarting with a cold cache",
    description: `Reads per second from 10 s before to 60 s after the restart. ${text}.`,
    series,
    markers: [{ x: 10, label: "restart", tone: "muted" }],
    x: { domain: [0, 70], format: (second) => formatCount(second - 10), unit: "s", kind: "linear" },
    y: { format: formatTick, unit: "reads/s", kind: "linear" },
    samples: `Seconds from the restart. With more instances each one's cache holds less of the traffic, so a restart changes less.`,
  };
}
