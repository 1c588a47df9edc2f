import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Which process listens on a port, read from /proc (Linux, like the fleet itself): the crash
 * tests kill an instance by its port, the way an operator would find it, without asking the
 * app (its /api/health no longer tells anyone its pid) or a tool that may not be installed.
 */
export function listeningPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue; // no IPv6 table on this host: nothing listens there
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; the inode is the 10th field.
      const localPort = Number.parseInt(fields[1]?.split(":")[1] ?? "", 16);
      if (localPort === port && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? "")) return Number(entry);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
}
