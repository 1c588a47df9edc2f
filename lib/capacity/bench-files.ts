import { z } from "zod";

/**
 * The committed bench results the capacity model reads its per-request costs from, validated
 * strictly: a field the model needs that is missing, renamed or of another type stops the
 * model with the file and the path named (BenchFormatError), instead of a figure quietly
 * computed from nothing. Fields the model does not use may come and go. Pure: the contents
 * come in, typed values go out (read-bench.ts reads the files).
 */

export class BenchFormatError extends Error {
  constructor(file: string, detail: string) {
    super(`${file} is not in the format the capacity model reads: ${detail}. Rerun its bench or update lib/capacity/bench-files.ts.`);
    this.name = "BenchFormatError";
  }
}

const machine = z.object({
  cores: z.number().int().positive(),
  cpu: z.string(),
  database: z.enum(["PostgreSQL", "SQLite"]),
  fleet: z.object({ instances: z.number().int().positive() }).nullable(),
});

const httpBench = z.object({
  kind: z.literal("bench:http"),
  finishedAt: z.string(),
  machine,
  settings: z.object({ short: z.boolean(), connections: z.number().int().positive() }),
  servers: z.array(z.object({ key: z.string(), check: z.enum(["none", "denylist", "strict"]), alg: z.string(), cache: z.enum(["off", "push", "cookie"]), error: z.string().nullable() })),
  targets: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      server: z.string(),
      path: z.string(),
      auth: z.enum(["none", "session-cookie", "jwt-cookie", "jwt-bearer"]),
      kind: z.enum(["api", "page"]),
      summary: z.object({ rps: z.number().positive(), p50Ms: z.number(), p99Ms: z.number() }).nullable(),
    }),
  ),
  revocation: z.array(
    z.object({
      label: z.string(),
      refusedOnNextRequest: z.boolean().nullable(),
      lag: z
        .object({
          p50Ms: z.number().nonnegative().nullable(),
          p99Ms: z.number().nonnegative().nullable(),
          samples: z.number().int().nonnegative(),
          neverRefused: z.number().int().nonnegative(),
          /** Every lag sample, when the bench keeps them (the simulation then draws from them). */
          samplesMs: z.array(z.number().nonnegative()).optional(),
        })
        .nullable()
        .optional(),
    }),
  ),
});
export type HttpBench = z.output<typeof httpBench>;

const profileBench = z.object({
  kind: z.literal("bench:profile"),
  finishedAt: z.string(),
  machine,
  columns: z.array(z.object({ key: z.string(), label: z.string(), requests: z.number().int().positive(), rps: z.number().positive(), perRequest: z.record(z.string(), z.number().nonnegative()) })),
});
export type ProfileBench = z.output<typeof profileBench>;

const measuredOperation = z.object({
  samples: z.number().int().positive(),
  reads: z.number().nonnegative(),
  writes: z.number().nonnegative(),
  transactionControl: z.number().nonnegative(),
  redisCommands: z.record(z.string(), z.number().nonnegative()),
  publishes: z.number().nonnegative(),
  cpuMicros: z.number().nonnegative(),
});
export type MeasuredOperation = z.output<typeof measuredOperation>;

const checks = { checkCold: measuredOperation, checkWarm: measuredOperation };
const fullOperations = z.object({
  session: z.object({ ...checks, login: measuredOperation, touch: measuredOperation, logout: measuredOperation }),
  jwt: z.object({ ...checks, login: measuredOperation, refresh: measuredOperation, logout: measuredOperation }),
  userDisable: measuredOperation,
  checkCookie: z.object({ session: z.object({ cpuMicros: z.number(), bytes: z.number().int() }), jwt: z.object({ cpuMicros: z.number(), bytes: z.number().int() }) }),
  bytes: z.object({
    sessionCookie: z.number().int().positive(),
    jwtCookie: z.number().int().positive(),
    jwtRefreshCookie: z.number().int().positive(),
    bearerHeader: z.number().int().positive(),
    setCookie: z.object({ sessionLogin: z.number().int().positive(), jwtLogin: z.number().int().positive(), jwtRefresh: z.number().int().positive() }),
  }),
});

const pgbenchResult = z.object({ tps: z.number().positive(), transactions: z.number().int().positive(), latencyMs: z.number(), backendCpuMicrosPerTx: z.number().positive().nullable(), script: z.string() });
const redisResult = z.object({ rps: z.number().positive(), requests: z.number().int().positive(), serverCpuMicrosPerOp: z.number().nonnegative().nullable() });

const capacityBench = z.object({
  kind: z.literal("bench:capacity"),
  trial: z.boolean(),
  note: z.string().nullable(),
  finishedAt: z.string(),
  machine: machine.extend({ memoryGb: z.number(), os: z.string(), postgres: z.string(), redis: z.string() }),
  operations: z.object({ postgresql: z.object({ off: fullOperations, push: fullOperations, cookie: fullOperations }) }),
  postgres: z.object({
    rowBytes: z.object({ session: z.number().positive(), refreshFamily: z.number().positive(), refreshToken: z.number().positive(), revokedToken: z.number().positive(), user: z.number().positive() }),
    operations: z.object({
      "session.check": pgbenchResult,
      "session.login": pgbenchResult,
      "session.touch": pgbenchResult,
      "session.logout": pgbenchResult,
      "jwt.check": pgbenchResult,
      "jwt.login": pgbenchResult,
      "jwt.refresh": pgbenchResult,
      "jwt.logout": pgbenchResult,
    }),
  }),
  redis: z.object({
    commands: z.object({ "eval:login-window": redisResult, zrem: redisResult, publish: redisResult }),
    fanout: z.array(redisResult.extend({ subscribers: z.number().int().nonnegative(), delivered: z.number().int().nonnegative() })),
    perDeliveryMicros: z.number().nullable(),
  }),
  harness: z.object({ rps: z.number().positive(), wrkCpuMicrosPerRequest: z.number().positive(), haproxyCpuMicrosPerRequest: z.number().positive().nullable() }),
  app: z.array(
    z.object({
      key: z.enum(["baseline", "session-me", "jwt-me-cookie", "jwt-me-bearer"]),
      cache: z.enum(["off", "push", "cookie"]),
      rps: z.number().positive(),
      requests: z.number().int().positive(),
      mainThreadMicros: z.number().positive(),
      processMicros: z.number().positive(),
      mainThreadRatio: z.number().positive(),
    }),
  ),
});
export type CapacityBench = z.output<typeof capacityBench>;

export interface BenchFiles {
  http: { single: HttpBench[]; fleet: HttpBench[] };
  profile: ProfileBench;
  capacity: CapacityBench;
}

function parseOne<T>(schema: z.ZodType<T>, file: string, contents: unknown): T {
  const parsed = schema.safeParse(contents);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  throw new BenchFormatError(file, `${first.path.join(".") || "(top level)"}: ${first.message}`);
}

/**
 * Every file's contents by name (docs/bench/*.json). Needs at least one single-process bench:http
 * result, one profile and the capacity bench; the fleet's result is what the validation and the
 * simulation's N = 2 check compare against.
 */
export function parseBenchFiles(files: Record<string, unknown>): BenchFiles {
  const names = Object.keys(files).sort();
  const http = names.filter((name) => /^http-[a-z-]+\.json$/.test(name)).map((name) => parseOne(httpBench, name, files[name]));
  const profileName = names.find((name) => /^profile-[a-z]+\.json$/.test(name));
  if (!profileName) throw new BenchFormatError("docs/bench/profile-*.json", "missing (run npm run bench:profile)");
  if (!("capacity.json" in files)) throw new BenchFormatError("docs/bench/capacity.json", "missing (run npm run bench:capacity)");
  const single = http.filter((bench) => bench.machine.fleet === null);
  if (single.length === 0) throw new BenchFormatError("docs/bench/http-*.json", "no single-process result (run npm run bench:http)");
  return {
    http: { single, fleet: http.filter((bench) => bench.machine.fleet !== null) },
    profile: parseOne(profileBench, profileName, files[profileName]),
    capacity: parseOne(capacityBench, "capacity.json", files["capacity.json"]),
  };
}
