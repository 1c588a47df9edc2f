// JSON-RPC 2.0 over stdio, as the prisma CLI speaks it to the native schema-engine: one JSON
// object per line on stdin/stdout; logs go to stderr (the CLI keeps them for error reports).
import { createInterface } from "node:readline";

/** The code the native engine uses for every error it reports through RPC. */
const ENGINE_ERROR_CODE = 4466;

/**
 * Serves `methods` until stdin closes, then exits (the pg pools would keep Node alive).
 * Requests run one at a time, in order: the wasm engine is not re-entrant.
 * @param {{ methods: Record<string, (params: any, rpc: { print(content: string): void }) => Promise<any>>,
 *           toErrorData: (error: unknown) => object }} options
 */
export function serveJsonRpc({ methods, toErrorData }) {
  let nextOutgoingId = 1;
  let queue = Promise.resolve();
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  // `migrate diff` output reaches the user only through the CLI's `print` method: it captures
  // what that writes when --output is given. We do not need its (empty) answer.
  const rpc = {
    print(content) {
      send({ jsonrpc: "2.0", id: `engine-${nextOutgoingId++}`, method: "print", params: { content } });
    },
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (request.method === undefined) return; // the CLI answering one of our `print` calls
    queue = queue.then(() => handle(request));
  });
  lines.on("close", () => {
    queue.finally(() => process.exit(0));
  });

  async function handle({ id, method, params }) {
    const run = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!run) {
      send({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
      return;
    }
    try {
      const result = await run(params ?? {}, rpc);
      send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      const data = toErrorData(error);
      send({
        jsonrpc: "2.0",
        id,
        error: { code: ENGINE_ERROR_CODE, message: "An error happened. Check the data field for details.", data },
      });
    }
  }
}
