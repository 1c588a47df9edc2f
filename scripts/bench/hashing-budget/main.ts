// What the password-hashing budget (lib/password-budget/) does to a real login during a flood of
// unknown-e-mail logins, each of which costs an argon2 "burn". A measurement, not a test:
//   BASE_URL=http://localhost:3000 npx tsx scripts/bench/hashing-budget/main.ts [--streams 6] [--seconds 10]
// Run it against a server started normally, then against one started with
// PASSWORD_HASHES_PER_SECOND=100000 (no budget to speak of), and compare. It logs in as a demo
// user (alice, or EMAIL / PASSWORD) every 500 ms twice over: once as the owner's browser (with the
// device cookie its first login earned) and once as a newcomer (no cookie), and prints their
// latencies and statuses next to what the flood got. Timings on a busy machine are a trial only.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { streams: { type: "string", default: "6" }, seconds: { type: "string", default: "10" } } });
const base = process.env.BASE_URL ?? "http://localhost:3000";
const email = process.env.EMAIL ?? "alice@example.com";
const password = process.env.PASSWORD ?? "alice-password";
const streams = Number(values.streams);
const until = Date.now() + Number(values.seconds) * 1000;

interface LoginSample {
  status: number;
  ms: number;
  setCookie: string[];
}

async function login(body: { email: string; password: string }, cookie?: string): Promise<LoginSample> {
  const started = performance.now();
  const response = await fetch(`${base}/api/session/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started, setCookie: response.headers.getSetCookie() };
}

const first = await login({ email, password });
if (first.status !== 200) throw new Error(`the owner's first login answered ${first.status}; is ${email} a user here?`);
const device = first.setCookie.map((line) => line.split(";")[0] ?? "").find((pair) => /svj-device=/.test(pair));

const flood = new Map<number, number>();
const flooding = Array.from({ length: streams }, async (_, stream) => {
  for (let n = 0; Date.now() < until; n += 1) {
    const { status } = await login({ email: `flood-${stream}-${n}@example.test`, password: "not-a-password" });
    flood.set(status, (flood.get(status) ?? 0) + 1);
    if (status === 429) await new Promise((resolve) => setTimeout(resolve, 50)); // a polite attacker still retries at once
  }
});

const owner: LoginSample[] = [];
const newcomer: LoginSample[] = [];
while (Date.now() < until) {
  owner.push(await login({ email, password }, device));
  newcomer.push(await login({ email, password }));
  await new Promise((resolve) => setTimeout(resolve, 500));
}
await Promise.all(flooding);

function summary(samples: LoginSample[]): string {
  const ms = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const { status } of samples) statuses[status] = (statuses[status] ?? 0) + 1;
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]?.toFixed(0);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, statuses ${JSON.stringify(statuses)}`;
}
console.log(`flood: ${streams} streams of unknown-e-mail logins for ${values.seconds} s: statuses ${JSON.stringify(Object.fromEntries(flood))}`);
console.log(`owner (device cookie): ${summary(owner)}`);
console.log(`newcomer (no cookie):  ${summary(newcomer)}`);
