import { parseComputedRgb, textOn, type Rgb } from '../theme/contrast.ts';
import css from './styles.css?inline';

/**
 * Adopts the widget's styles into `shadow` as constructed stylesheets: no `<style>` element
 * and no style attribute, so nothing needs `'unsafe-inline'`.
 */
export function adoptStyles(shadow: ShadowRoot, accent: string): void {
  const win = shadow.ownerDocument.defaultView;
  if (!win || !('adoptedStyleSheets' in shadow)) return;
  const base = new win.CSSStyleSheet();
  base.replaceSync(css);
  const theme = new win.CSSStyleSheet();
  // `accent` passed the schema's colour pattern, which admits no `;`, `{` or `}`.
  theme.replaceSync(`.root { --op-accent: ${accent}; --op-on-accent: ${textColourFor(shadow, accent)}; }`);
  shadow.adoptedStyleSheets = [base, theme];
}

/** White or black, whichever reads better on the accent (≥ 4.5:1 for one of them). */
function textColourFor(shadow: ShadowRoot, accent: string): string {
  const rgb = computedRgb(shadow, accent) ?? paintedRgb(shadow.ownerDocument, accent);
  return rgb ? textOn(rgb) : '#ffffff';
}

/** The accent as the browser computes it, when it serialises it as rgb() (hex, named, rgb, hsl…). */
function computedRgb(shadow: ShadowRoot, accent: string): Rgb | undefined {
  const probe = shadow.ownerDocument.createElement('span');
  probe.style.color = accent; // CSSOM, not a style attribute: allowed under a strict CSP
  shadow.append(probe);
  const computed = shadow.ownerDocument.defaultView?.getComputedStyle(probe).color ?? '';
  probe.remove();
  return parseComputedRgb(computed);
}

/** oklch(), lab() and the like keep their own space when computed: paint one pixel and read it back in sRGB. */
function paintedRgb(doc: Document, accent: string): Rgb | undefined {
  try {
    const canvas = doc.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    context.fillStyle = accent;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    return { r, g, b };
  } catch {
    return undefined; // no canvas (a test DOM), or readback refused
  }
}

/** Appends one more constructed stylesheet to `shadow`. */
export function adoptMoreStyles(shadow: ShadowRoot, cssText: string): void {
  const win = shadow.ownerDocument.defaultView;
  if (!win || !('adoptedStyleSheets' in shadow)) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(cssText);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
