import { parseComputedRgb, textOn } from '../theme/contrast.ts';
import { css } from './styles.ts';

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

/** White or near-black, whichever reads better on the accent (≥ 4.5:1 for one of them). */
function textColourFor(shadow: ShadowRoot, accent: string): string {
  const probe = shadow.ownerDocument.createElement('span');
  probe.style.color = accent; // CSSOM, not a style attribute: allowed under a strict CSP
  shadow.append(probe);
  const computed = shadow.ownerDocument.defaultView?.getComputedStyle(probe).color ?? '';
  probe.remove();
  const rgb = parseComputedRgb(computed);
  return rgb ? textOn(rgb) : '#ffffff';
}

/** Appends one more constructed stylesheet to `shadow`. */
export function adoptMoreStyles(shadow: ShadowRoot, cssText: string): void {
  const win = shadow.ownerDocument.defaultView;
  if (!win || !('adoptedStyleSheets' in shadow)) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(cssText);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
