// `npm run downstream`: the separate service that verifies the app's EdDSA tokens with nothing
// but the app's public JWKS. No database, no secret. See lib/downstream/.
//   DOWNSTREAM_PORT (4000)  JWKS_URL (http://127.0.0.1:3000/.well-known/jwks.json)
//   DOWNSTREAM_AUDIENCE (session-vs-jwt:downstream)  JWT_ISSUER (session-vs-jwt)
//   DOWNSTREAM_JWKS_MAX_AGE_SECONDS (300): past it, a JWKS it cannot refresh is no longer trusted
import { parseDownstreamConfig } from "../lib/downstream/config.ts";
import { createDownstreamServer } from "../lib/downstream/server.ts";
import { remoteKeySet } from "../lib/downstream/key-set.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS } from "../lib/downstream/token-kind.ts";

const config = parseDownstreamConfig(process.env);
const server = createDownstreamServer({
  keySet: remoteKeySet(config.JWKS_URL, { maxAgeSeconds: config.DOWNSTREAM_JWKS_MAX_AGE_SECONDS }),
  jwksUrl: config.JWKS_URL,
  issuer: config.JWT_ISSUER,
  audience: config.DOWNSTREAM_AUDIENCE,
  clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
  maxLifetimeSeconds: DOWNSTREAM_TOKEN_MAX_SECONDS,
});

server.listen(config.DOWNSTREAM_PORT, config.DOWNSTREAM_HOST, () => {
  console.log(`downstream: http://${config.DOWNSTREAM_HOST}:${config.DOWNSTREAM_PORT}/whoami, trusting ${config.JWKS_URL} (aud ${config.DOWNSTREAM_AUDIENCE})`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
