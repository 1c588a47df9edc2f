import type { Page } from "@playwright/test";

/**
 * Chart text as drawn: each SVG text's size in CSS pixels (its font size times the scale the
 * viewBox is drawn at), and whether any text box crosses a limit line (`data-limit`). Geometry
 * only the browser knows, so it is read there.
 */
export async function chartText(page: Page): Promise<{ smallest: { text: string; px: number } | null; crossing: string[] }> {
  return page.evaluate(() => {
    let smallest: { text: string; px: number } | null = null;
    const crossing: string[] = [];
    for (const svg of Array.from(document.querySelectorAll("main figure svg"))) {
      const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 1;
      const lines = Array.from(svg.querySelectorAll("line[data-limit]")).map((line) => line.getBoundingClientRect());
      for (const text of Array.from(svg.querySelectorAll("text"))) {
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        const content = (text.textContent ?? "").trim();
        if (!smallest || px < smallest.px) smallest = { text: content, px };
        const box = text.getBoundingClientRect();
        const hit = lines.some((line) => line.left <= box.right && line.right >= box.left && line.top < box.bottom && line.bottom > box.top);
        if (hit) crossing.push(content);
      }
    }
    return { smallest, crossing };
  });
}
