#!/usr/bin/env node
// Stands in for Prisma's native `schema-engine` binary where it cannot be downloaded (the
// machine reaches the npm registry only). prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY
// here when no native engine is installed. It speaks the CLI's protocol (the same arguments,
// JSON-RPC on stdio) and runs @prisma/schema-engine-wasm over the app's own driver adapters.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkDatabase, createAdapterFactory, createDatabase, providerOf } from "./databases.mjs";
import { toRpcErrorData, writeLogLine } from "./errors.mjs";
import { serveJsonRpc } from "./json-rpc.mjs";
import { createMethods } from "./methods.mjs";
import { answerMissingMigrationsTable } from "./migrations-table-probe.mjs";
import { createWasmEngine, wasmEngineVersion } from "./wasm-engine.mjs";

const CLI_COMMANDS = {
  "can-connect-to-database": checkDatabase,
  "create-database": createDatabase,
};

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    datamodels: { type: "string", multiple: true, default: [] },
    datasource: { type: "string" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
    version: { type: "boolean", short: "V" },
  },
});

try {
  await main();
} catch (error) {
  // Reported the way the CLI reads a failed `cli` sub-command: an ERROR line, then exit 1.
  const data = toRpcErrorData(error);
  writeLogLine("ERROR", { is_panic: data.is_panic, error_code: data.error_code, message: data.message });
  process.exitCode = 1; // not process.exit(): let stderr drain where pipes are asynchronous
}

async function main() {
  if (options.version) {
    process.stdout.write(`schema-engine-cli ${await wasmEngineVersion()} (wasm stand-in)\n`);
    return;
  }
  const url = datasourceUrl(options.datasource);
  if (positionals[0] === "cli") return runCliCommand(positionals[1], url);

  const provider = providerOf(url);
  const { factory, probe } = answerMissingMigrationsTable(createAdapterFactory(url));
  const datamodels = options.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const createEngine = (adapterFactory) => createWasmEngine({ factory: adapterFactory, datamodels, log: forwardLog });
  // Created on the first request, so that a connection failure answers that request (the CLI
  // shows it) instead of killing the process before the CLI has asked anything.
  let enginePromise;
  const getEngine = () => (enginePromise ??= createEngine(factory));
  serveJsonRpc({
    methods: createMethods({ url, provider, factory, probe, getEngine, createEngine }),
    toErrorData: toRpcErrorData,
  });
}

async function runCliCommand(command, url) {
  // The CLI skips the first stderr line of a `cli` run (natively a start-up message) before
  // looking for the ERROR line, so there has to be one.
  writeLogLine("INFO", { message: "Starting schema engine CLI (wasm stand-in)" });
  const run = CLI_COMMANDS[command];
  if (!run) throw new Error(`Unsupported schema-engine cli command: ${command}`);
  await run(url);
}

function datasourceUrl(json) {
  const url = json ? JSON.parse(json).url : undefined;
  if (typeof url !== "string" || url === "") {
    throw new Error("No datasource URL: set `datasource.url` in prisma.config.ts.");
  }
  return url;
}

/** The wasm engine logs JSON lines in the native format; the CLI reads them from stderr. */
function forwardLog(line) {
  process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
}
