// Node module hooks for running lib/ code outside Next (the Playwright fixtures): "server-only"
// resolves as Next resolves it for server code (its react-server export, an empty module), and
// nothing else resolves differently. Registered by playwright.config.ts.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
