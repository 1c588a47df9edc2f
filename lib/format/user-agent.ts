/**
 * "Chrome on Linux" from a User-Agent header: enough for a person to recognise their own
 * devices, not a fingerprint. Small and honest: the main browsers and systems, the common
 * command-line and library clients, the product name for anything else. The header is the
 * client's own claim (anyone can send anything), so the raw string stays available beside it.
 * No parser library is installed and none is added for this (see docs/PAGES.md, /session/devices).
 */

export interface DeviceDescription {
  /** "Chrome", "Firefox", … or a tool ("curl"); null when nothing is recognisable. */
  client: string | null;
  /** "Windows", "iPhone", …; null for tools, which rarely say. */
  system: string | null;
  /** What a person reads: "Firefox on Windows", "curl", "Unknown browser". */
  label: string;
}

/** Non-browser clients, first match wins: their User-Agent starts with their name. */
const TOOLS: [RegExp, string][] = [
  [/^curl\//i, "curl"],
  [/^Wget\//i, "Wget"],
  [/^HTTPie\//i, "HTTPie"],
  [/^python-requests\//i, "Python requests"],
  [/^python-urllib/i, "Python urllib"],
  [/^python-httpx\//i, "Python httpx"],
  [/^aiohttp\//i, "Python aiohttp"],
  [/^Go-http-client\//i, "Go HTTP client"],
  [/^okhttp\//i, "OkHttp"],
  [/^PostmanRuntime\//i, "Postman"],
  [/^insomnia\//i, "Insomnia"],
  [/^axios\//i, "axios"],
  [/^node(-fetch)?(\/|$)/i, "Node.js"],
  [/^undici/i, "Node.js"],
  [/^Playwright\//i, "Playwright"],
];

/** Order matters: Edge and Opera also say Chrome; Chrome also says Safari. */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bVivaldi\//, "Vivaldi"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\bHeadlessChrome\//, "Headless Chrome"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\b(iPhone|iPad).*\bAppleWebKit\//, "Safari"],
];

/** Order matters: iPhones say "like Mac OS X", Android says Linux, Chrome OS says X11. */
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows (NT|Phone)\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

const firstMatch = (ua: string, table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

export function describeUserAgent(ua: string | null | undefined): DeviceDescription {
  const header = (ua ?? "").trim();
  if (header === "") return { client: null, system: null, label: "Unknown browser" };
  const tool = firstMatch(header, TOOLS);
  if (tool) return { client: tool, system: null, label: tool };
  const client = firstMatch(header, BROWSERS);
  const system = firstMatch(header, SYSTEMS);
  if (client) return { client, system, label: system ? `${client} on ${system}` : client };
  // Something else: its product token ("MyApp/2.1" → "MyApp"), capped, never the whole string.
  const product = /^[A-Za-z][\w.-]{0,31}/.exec(header)?.[0];
  const label = product && product !== "Mozilla" ? product : system ? `A browser on ${system}` : "Unknown browser";
  return { client: product && product !== "Mozilla" ? product : null, system, label };
}
