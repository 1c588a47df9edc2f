import type { Page } from "@playwright/test";

/**
 * What on the current page is wider than the box it scrolls in: the page against the window,
 * and every scroll container (overflow other than visible) against its own width. A table
 * 1,276 px wide inside a 974 px `overflow-x: auto` box keeps the page narrow, yet half of it
 * sits behind a sideways scroll with no cue: that is what this finds and the page check alone
 * did not. Not counted: visually hidden boxes (sr-only, 1 px) and text cut with an ellipsis
 * (the ellipsis is the cue).
 */
export async function widerThanTheirBox(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page: ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const describe = (element: Element) => {
      const label = element.getAttribute("aria-label") || element.id;
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `<${element.tagName.toLowerCase()}${label ? ` "${label}"` : ""}> "${text}"`;
    };
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const style = getComputedStyle(element);
      if (style.overflowX === "visible" || style.textOverflow === "ellipsis" || element.clientWidth <= 2) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        found.push(`${describe(element)}: content ${element.scrollWidth} px wide in a ${element.clientWidth} px box`);
      }
    }
    return found;
  });
}
