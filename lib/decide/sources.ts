/**
 * What the guide's claims rest on: this site's labs and measured figures (internal links), and
 * the published guidance it cites (OWASP cheat sheets, RFCs). Pure data; the page and the
 * decision record render the same list.
 */

export const SOURCES = {
  "lab:stolen-credential": { label: "Stolen-credential lab: a copied credential replayed after logout, here and at the downstream service", href: "/labs/stolen-credential" },
  "lab:fleet": { label: "Fleet lab: a logout on one instance, replayed on every other", href: "/labs/fleet" },
  "lab:sticky-sessions": { label: "Sticky-sessions lab: the instance a user was pinned to dies", href: "/labs/sticky-sessions" },
  "lab:storage": { label: "Storage lab: what an injected script does with each credential", href: "/labs/storage" },
  "lab:cross-origin": { label: "Cross-origin lab: another site's page calls this API", href: "/labs/cross-origin" },
  "lab:stale-claims": { label: "Stale-claims lab: a role changed while a token is out", href: "/labs/stale-claims" },
  "figure:bytes": { label: "Bytes the browser sends per request, measured on /compare", href: "/compare#verdict-bytes" },
  "figure:db-reads": { label: "Database reads per check, cold and warm, measured on /compare", href: "/compare#verdict-db-reads" },
  "figure:revocation-reach": { label: "How fast a revocation reaches every instance (bench:http), on /compare", href: "/compare#verdict-revocation-reach" },
  "figure:scale": { label: "/scale: reads, writes, Redis operations and cores at your load, from the committed bench results", href: "/scale" },
  "owasp:session": { label: "OWASP Session Management Cheat Sheet", href: "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html" },
  "owasp:jwt": { label: "OWASP JSON Web Token Cheat Sheet (token revocation, sidejacking)", href: "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html" },
  "owasp:html5": { label: "OWASP HTML5 Security Cheat Sheet (no session identifiers in local storage)", href: "https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html" },
  "rfc8725": { label: "RFC 8725, JSON Web Token Best Current Practices", href: "https://www.rfc-editor.org/rfc/rfc8725" },
  "rfc8693": { label: "RFC 8693, OAuth 2.0 Token Exchange", href: "https://www.rfc-editor.org/rfc/rfc8693" },
  "rfc8252": { label: "RFC 8252, OAuth 2.0 for Native Apps", href: "https://www.rfc-editor.org/rfc/rfc8252" },
} as const satisfies Record<string, { label: string; href: string }>;

export type SourceId = keyof typeof SOURCES;

export const isExternalSource = (id: SourceId): boolean => SOURCES[id].href.startsWith("https://");
