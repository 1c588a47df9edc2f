// Loads @prisma/schema-engine-wasm in plain Node and binds it to a driver adapter factory.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The panic message the wasm module last reported; it has no other channel for it. */
let lastPanicMessage = null;
let gluePromise;

/**
 * The package is built for bundlers (`import * as wasm from "./x.wasm"`), which Node 20 cannot
 * import without a flag, so we instantiate the .wasm next to its JS glue ourselves — once: the
 * glue module holds the instance, and a second one would pull it from under existing engines.
 */
function loadWasmModule() {
  gluePromise ??= (async () => {
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(gluePath);
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    // The Rust panic hook writes here; without it a panic becomes an unrelated TypeError.
    globalThis.PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message) {
        lastPanicMessage = message;
      },
    };
    return glue;
  })();
  return gluePromise;
}

/**
 * The engine expects the "bound" adapter shape the Prisma client uses (methods that return
 * `{ ok, value | error }` instead of throwing). driver-adapter-utils makes that shape; it comes
 * with the adapters, so we resolve it from one of them rather than adding a dependency.
 */
function loadAdapterUtils() {
  const adapterEntry = require.resolve("@prisma/adapter-better-sqlite3");
  return createRequire(adapterEntry)("@prisma/driver-adapter-utils");
}

/**
 * @param {{ factory: object, datamodels?: [string, string][], log: (line: string) => void }} input
 * @returns {Promise<import("@prisma/schema-engine-wasm").SchemaEngine>}
 */
export async function createWasmEngine({ factory, datamodels = [], log }) {
  const glue = await loadWasmModule();
  const { bindMigrationAwareSqlAdapterFactory } = loadAdapterUtils();
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await glue.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    log,
    boundFactory,
  );
  return explainingJsErrors(engine, boundFactory.errorRegistry);
}

/**
 * An error thrown on the JS side (our adapters, pg) reaches the engine as an id only, and comes
 * back as "External error id#N". Each engine's own registry holds the error; put its text back.
 */
function explainingJsErrors(engine, registry) {
  return new Proxy(engine, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== "function") return value;
      return async (...args) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (error instanceof Error) {
            error.message = error.message.replace(/External error id#(\d+)/g, (text, id) => {
              const cause = registry.consumeError(Number(id))?.error;
              return cause ? `${text}: ${cause.message ?? cause}` : text;
            });
          }
          throw error;
        }
      };
    },
  });
}

/** The version string without connecting anywhere, for `--version`. */
export async function wasmEngineVersion() {
  return (await loadWasmModule()).version();
}

/** Takes (and clears) the message of the last Rust panic, if any. */
export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}
