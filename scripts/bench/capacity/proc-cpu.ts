// CPU time a process has used so far, from /proc/<pid>/stat (Linux): how the bench charges each
// component (a PostgreSQL backend, redis-server, HAProxy, wrk) with what it spent, apart from
// everything else running on a shared machine.
import { readFileSync } from "node:fs";

/** Clock ticks per second as the kernel reports CPU times in /proc; 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

/** utime + stime of `/proc/<pid>/stat` text, in µs; null when it cannot be read. */
export function parseProcStatMicros(text: string): number | null {
  // The command name (field 2) is in parentheses and may contain spaces: fields count from after it.
  const after = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const utime = Number(after[11]);
  const stime = Number(after[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) * 1_000_000) / TICKS_PER_SECOND;
}

/** A process (`4242`), or one of its threads (`4242/task/4243`: the main thread's tid is the pid). */
export function processCpuMicros(pid: number | string): number | null {
  try {
    return parseProcStatMicros(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    // Gone (a backend that disconnected): the caller keeps its last reading.
    return null;
  }
}
