/**
 * Where `npm start` listens, and what that exposes. Pure (no env, no database): the seed
 * script, the start-up check and their tests all pass the values in.
 */

/** Reaches only this machine: `localhost`, `::1`, or any of 127.0.0.0/8. */
export function isLoopbackBind(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return name === "localhost" || name === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export interface Exposure {
  host: string;
  port: number;
  publicOrigins: readonly string[];
  labs: boolean;
}

/** What start-up says when it listens beyond loopback: who can reach what, and what protects it. */
export function describeExposure({ host, port, publicOrigins, labs }: Exposure): string[] {
  const where = host === "0.0.0.0" || host === "::" || host === "[::]" ? "every network interface of this machine" : host;
  return [
    `HOST=${host}: listening on ${where}, port ${port}. Anyone who can reach it there can open every page and the JSON API, sign up, and log in${labs ? ", and run the labs (each makes throwaway users)" : ""}.`,
    "Over plain HTTP, passwords and tokens would cross the network unencrypted, so logins are refused on any address but localhost: put HTTPS in front (and set TRUST_PROXY to the number of proxies) for anything beyond a trusted network.",
    publicOrigins.length > 0
      ? `Requests must name one of PUBLIC_ORIGINS (${publicOrigins.join(", ")}) or a loopback name; any other Host is refused (421).`
      : "PUBLIC_ORIGINS is empty, so requests naming any host but localhost / 127.0.0.1 / [::1] are refused (421): set PUBLIC_ORIGINS=https://<the name clients use> to serve them.",
  ];
}
