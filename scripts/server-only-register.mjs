// `node --import ./scripts/server-only-register.mjs …`: lib/ code outside Next, with React as a
// plain Node program gets it (react-dom/server's renderer: the docs' SVG charts) — only
// "server-only" resolves as Next resolves it for server code (scripts/server-only-hooks.mjs).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
