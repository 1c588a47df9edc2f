// The machine the figures were measured on, stated next to every figure.
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  next: string;
  database: "PostgreSQL" | "SQLite";
  fleet: { instances: number } | null;
}

export function describeMachine({ databaseUrl, fleetInstances = null }: { databaseUrl?: string; fleetInstances?: number | null }): Machine {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() || "unknown CPU",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    next: (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version,
    database: /^postgres(ql)?:\/\//.test(databaseUrl ?? "") ? "PostgreSQL" : "SQLite",
    fleet: fleetInstances ? { instances: fleetInstances } : null,
  };
}
