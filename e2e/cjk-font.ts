import type { Page } from "playwright-core";

/** What the page measured about how it draws Chinese in the font of one element of the UI. */
export interface CjkRendering {
  fontFamily: string;
  fontSize: number;
  /** Average advance of one character of SAMPLE laid out in the DOM, in px. */
  advance: number;
  /** Pixels that differ between "保" and "密" drawn on a canvas in the same font. */
  differingPixels: number;
  /** Pixels with any ink in each of the two drawings. */
  ink: [number, number];
}

export const SAMPLE = "保密工作责任制";

/**
 * Why two measurements: without a CJK font Chromium draws every Han character as the same .notdef box (tofu).
 * 1. Advance: real CJK glyphs are full-width, so N characters are N × font-size wide (±10 %); tofu boxes come
 *    from a Latin fallback and are usually narrower. On their own, widths could coincide by accident, so
 * 2. Shape: 保 and 密 drawn in the same font must produce different pixels; tofu boxes are identical.
 * Together they fail on boxes and pass on any real CJK font (WenQuanYi, Noto CJK, PingFang, YaHei).
 * The font is read from a real UI element (antd sets it on its components, not on <body>), so the check
 * covers the font stack the theme actually uses.
 * The script is a string because the e2e tsconfig has no DOM types; it runs in the page, not in Node.
 */
export async function measureCjkRendering(page: Page, selector: string): Promise<CjkRendering> {
  return page.evaluate<CjkRendering>(`(() => {
    const sample = ${JSON.stringify(SAMPLE)};
    const fontSize = 40;
    const fontFamily = getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontFamily;

    const span = document.createElement("span");
    span.textContent = sample;
    span.style.position = "absolute";
    span.style.left = "-10000px";
    span.style.whiteSpace = "nowrap";
    span.style.fontSize = fontSize + "px";
    span.style.fontFamily = fontFamily;
    span.style.letterSpacing = "0";
    document.body.appendChild(span);
    const advance = span.getBoundingClientRect().width / sample.length;
    span.remove();

    const draw = (ch) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = fontSize * 2;
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = "#000";
      ctx.font = fontSize + "px " + fontFamily;
      ctx.textBaseline = "middle";
      ctx.fillText(ch, fontSize / 2, fontSize);
      return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const a = draw("保");
    const b = draw("密");
    let differingPixels = 0, inkA = 0, inkB = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (a[i] !== b[i]) differingPixels++;
      if (a[i] < 128) inkA++;
      if (b[i] < 128) inkB++;
    }
    return { fontFamily, fontSize, advance, differingPixels, ink: [inkA, inkB] };
  })()`);
}
