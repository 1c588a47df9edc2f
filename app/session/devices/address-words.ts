/**
 * Where the IP beside each login comes from, in this server's configuration
 * (lib/http/proxy-trust.ts clientAddress), and what "unknown" then means.
 */
export function addressSourceWords(trustProxy: number): string {
  if (trustProxy === 0) {
    return (
      "IP: the address of the connection this server accepted — TRUST_PROXY=0, so X-Forwarded-For is the client's own claim and ignored. " +
      "On this machine that is usually 127.0.0.1; behind a reverse proxy it would be the proxy's, which is what TRUST_PROXY is for. " +
      "“Unknown”: no address was recorded for that login (the server that took it did not stamp socket addresses)."
    );
  }
  return (
    `IP: the ${trustProxy === 1 ? "last" : `${trustProxy}th-from-last`} address in X-Forwarded-For — TRUST_PROXY=${trustProxy}: that many proxies of ours append to it. ` +
    "“Unknown”: the header had fewer entries than that, so something in between was not ours, and no address is guessed."
  );
}
