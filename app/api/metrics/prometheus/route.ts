import { apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { apiPrometheusMetrics } from "@/lib/http/metrics-api";

/** This instance's Prometheus metrics, for the holder of METRICS_TOKEN (docs/FLEET.md). */
export const GET = apiRoute((request: Request) => apiPrometheusMetrics(request));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
