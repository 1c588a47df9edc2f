import { requireAuth } from "@/lib/auth/dal";
import { strategies } from "@/lib/auth/registry";
import type { AuthMode } from "@/lib/auth/types";
import { getConfig } from "@/lib/env";
import { BROWSER_COOKIE_LIMIT, cookieHeadroom } from "@/lib/metrics/cookie-limit";
import { Countdown } from "./Countdown";
import { LogoutListener } from "./CrossTabLogout";
import { DecodedParts } from "./DecodedParts";
import { EncodedParts } from "./EncodedParts";
import { FactTable } from "./FactTable";
import { inspectorCopy } from "./inspector-copy";
import { modeStyle } from "./mode-style";
import { LocalTime } from "./LocalTime";

function Section({ id, title, className = "border-slate-200", children }: { id: string; title: string; className?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={`rounded-xl border bg-white p-6 ${className}`}>
      <h2 id={id} className="mb-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The credential of the logged-in user of one mode, taken apart: what it is, says and costs. */
export async function Inspector({ mode }: { mode: AuthMode }): Promise<React.ReactNode> {
  const { principal, credential } = await requireAuth(mode);
  const strategy = strategies[mode];
  const view = strategy.inspect(credential.value);
  const description = strategy.describe();
  const copy = inspectorCopy[mode];
  const viaCookie = credential.source === "cookie";
  const nameValueBytes = description.cookieName.length + 1 + view.bytes;
  return (
    <div className="space-y-6">
      <LogoutListener mode={mode} />
      <div>
        <h1 className="text-2xl font-semibold">Inspect your {description.credentialLabel}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          {view.format}. {view.summary}
        </p>
      </div>

      <Section id="held" title="What your browser holds" className={modeStyle[mode].border}>
        <p className="mb-2 text-sm text-slate-600">
          {viaCookie ? (
            <>
              The <code className="font-mono">{description.cookieName}</code> cookie as it arrived with this request, piece by piece. It is httpOnly, so
              page scripts cannot read it — and this page does not print it either: any script here could fetch the page and carry a printed copy
              away. What would let someone present it (signature, MAC, ciphertext) is shown elided.
            </>
          ) : (
            "This request presented the credential as Authorization: Bearer; what would let someone present it is shown elided:"
          )}
        </p>
        <EncodedParts view={view} />
        <FactTable
          facts={{
            "value": `${view.bytes} bytes`,
            "sent with each request": viaCookie ? `${nameValueBytes} bytes (name=value)` : "as a header",
            [`headroom to the ${BROWSER_COOKIE_LIMIT}-byte cookie limit`]: `${cookieHeadroom(nameValueBytes)} bytes`,
          }}
        />
      </Section>

      <Section id="readable" title="What anyone holding it can read">
        <DecodedParts view={view} />
      </Section>

      {/* One row each: a countdown beside a fact table left half a card empty. */}
      <Section id="countdown" title={copy.countdown}>
        <div className="flex flex-wrap items-center gap-x-8 gap-y-2">
          <Countdown until={principal.expiresAt.toISOString()} label={`Time left: ${copy.countdown.toLowerCase()}`} />
          <p className="max-w-2xl min-w-0 flex-1 basis-64 text-sm text-slate-600">
            {copy.countdownNote(getConfig().SESSION_TOUCH_INTERVAL_SECONDS)} Accepted until <LocalTime at={principal.expiresAt} />.
          </p>
        </div>
      </Section>

      <Section id="server" title="What the server relied on">
        <p className="mb-3 text-sm text-slate-600">{description.stateLivesIn}</p>
        <FactTable facts={principal.evidence} />
      </Section>

      <Section id="stolen" title="If someone steals it">
        <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
          {copy.ifStolen.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm">
          <strong>Revocation here:</strong> {description.revocation}
        </p>
      </Section>
    </div>
  );
}
