import { readJsonBody } from "@/lib/http/body";
import { json, apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";
import { labsOnly } from "@/lib/labs/http/labs-switch";
import { judgeStorageReport, storageReportSchema } from "@/lib/labs/storage/attacker";

/** POST /api/labs/storage/attacker: what the injected script sent, checked and judged. */
export const POST = apiRoute(
  labsOnly(async (request: Request) => {
    const body = await readJsonBody(request, storageReportSchema);
    if (!body.ok) return body.response;
    return json(await judgeStorageReport(body.data, new Date()));
  }),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"], labsOnly);
