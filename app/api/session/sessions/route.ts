import { apiListSessions } from "@/lib/http/devices-api";
import { apiRoute } from "@/lib/http/json";

export const GET = apiRoute(() => apiListSessions());
