// A small, dependency-free SVG bar chart of each target's ratio to its baseline. Pure: takes
// rows and text, returns the SVG document as a string.

const WIDTH = 820;
const LABEL_WIDTH = 300;
const ROW_HEIGHT = 26;
const BOTTOM = 40;
const GOAL_COLOR = "#dc2626";
export interface ChartRow {
  label: string;
  ratio: number | null;
  kind: "api" | "page";
  goal?: number | null;
}

const COLORS: Record<ChartRow["kind"] | "missing", string> = { api: "#2563eb", page: "#7c3aed", missing: "#94a3b8" };

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

export function renderRatioChart({ title, subtitle, machine, rows }: { title: string; subtitle: string; machine: string; rows: ChartRow[] }): string {
  const known = rows.map((row) => row.ratio).filter((ratio): ratio is number => ratio != null);
  // The axis always shows 1.0 (the baseline) with room to spare, whatever the figures are.
  const max = Math.max(1.2, ...known.map((ratio) => ratio * 1.1));
  const plotWidth = WIDTH - LABEL_WIDTH - 70;
  const x = (ratio: number) => LABEL_WIDTH + (ratio / max) * plotWidth;
  const notes = [...wrapText(subtitle, 110).map((line) => ({ line, color: "#334155", size: 13 })), ...wrapText(machine, 120).map((line) => ({ line, color: "#64748b", size: 12 }))];
  const top = 58 + notes.length * 18 + 18;
  const height = top + rows.length * ROW_HEIGHT + BOTTOM;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="17" font-weight="600" fill="#0f172a">${escapeXml(title)}</text>`,
    ...notes.map(({ line, color, size }, index) => `<text x="16" y="${52 + index * 18}" fill="${color}" font-size="${size}">${escapeXml(line)}</text>`),
    `<text x="${x(1).toFixed(1)}" y="${top - 10}" text-anchor="middle" fill="#0f172a" font-size="12">baseline</text>`,
  ];
  for (const tick of ticks(max)) {
    parts.push(`<line x1="${x(tick).toFixed(1)}" y1="${top - 4}" x2="${x(tick).toFixed(1)}" y2="${height - BOTTOM + 4}" stroke="${tick === 1 ? "#0f172a" : "#e2e8f0"}" stroke-width="${tick === 1 ? 1.5 : 1}"${tick === 1 ? ' stroke-dasharray="4 3"' : ""}/>`);
    parts.push(`<text x="${x(tick).toFixed(1)}" y="${height - BOTTOM + 20}" text-anchor="middle" fill="#475569" font-size="12">${tick.toFixed(1)}</text>`);
  }
  rows.forEach((row, index) => {
    const y = top + index * ROW_HEIGHT;
    parts.push(`<text x="${LABEL_WIDTH - 10}" y="${y + 17}" text-anchor="end" fill="#0f172a">${escapeXml(row.label)}</text>`);
    if (row.ratio == null) {
      parts.push(`<text x="${LABEL_WIDTH + 6}" y="${y + 17}" fill="${COLORS.missing}">not measured</text>`);
      return;
    }
    const barEnd = x(row.ratio);
    parts.push(`<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${(barEnd - LABEL_WIDTH).toFixed(1)}" height="${ROW_HEIGHT - 8}" rx="3" fill="${COLORS[row.kind] ?? COLORS.api}"/>`);
    parts.push(`<text x="${(barEnd + 6).toFixed(1)}" y="${y + 17}" fill="#0f172a">${row.ratio.toFixed(2)}</text>`);
  });
  rows.forEach((row, index) => {
    if (row.goal == null) return;
    const y = top + index * ROW_HEIGHT;
    parts.push(`<line class="goal" x1="${x(row.goal).toFixed(1)}" y1="${y + 1}" x2="${x(row.goal).toFixed(1)}" y2="${y + ROW_HEIGHT - 1}" stroke="${GOAL_COLOR}" stroke-width="3"><title>goal ≥ ${row.goal.toFixed(2)}</title></line>`);
  });
  if (rows.some((row) => row.goal != null)) {
    parts.push(`<line x1="${WIDTH - 150}" y1="${top - 22}" x2="${WIDTH - 150}" y2="${top - 8}" stroke="${GOAL_COLOR}" stroke-width="3"/>`, `<text x="${WIDTH - 142}" y="${top - 10}" fill="#0f172a" font-size="12">goal (issue 10)</text>`);
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

/** Gridlines every 0.2 up to the axis maximum; 1.0 among them. */
export function ticks(max: number): number[] {
  const values: number[] = [];
  for (let tick = 0; tick <= max + 1e-9; tick = Math.round((tick + 0.2) * 10) / 10) values.push(tick);
  return values;
}

/** Greedy word wrap, so long subtitles and machine lines stay inside the chart. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
