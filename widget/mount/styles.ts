/**
 * The widget's look. Adopted as a constructed stylesheet inside the shadow root, so a host with
 * `style-src 'self'` needs nothing extra. Sizes in px: the host page owns `rem`.
 */
export const css = `
:host { all: initial; }
.root {
  all: initial;
  --op-bg: #ffffff; --op-fg: #1f2937; --op-muted: #4b5563; --op-border: #d1d5db; --op-chip: #f3f4f6;
  --op-focus: #1d4ed8;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif;
  color: var(--op-fg);
  position: fixed; z-index: 2147483600; box-sizing: border-box;
  bottom: 16px; right: 16px; width: 400px; max-width: calc(100vw - 32px);
}
/* A reset with no specificity: it undoes the browser's defaults, and every rule below wins over it. */
:where(.root *, .root *::before, .root *::after) { box-sizing: border-box; font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
.root[data-theme="dark"] { --op-bg: #111827; --op-fg: #f3f4f6; --op-muted: #d1d5db; --op-border: #4b5563; --op-chip: #1f2937; --op-focus: #93c5fd; }
@media (prefers-color-scheme: dark) {
  .root[data-theme="auto"] { --op-bg: #111827; --op-fg: #f3f4f6; --op-muted: #d1d5db; --op-border: #4b5563; --op-chip: #1f2937; --op-focus: #93c5fd; }
}
.root[data-position="bottom-left"] { right: auto; left: 16px; }
.root[data-position="bottom"] { left: 0; right: 0; bottom: 0; width: 100%; max-width: none; }
.root[data-position="center"] { inset: 0; width: auto; max-width: none; display: flex; align-items: center; justify-content: center; padding: 16px; }
.root[data-inline] { position: static; width: auto; max-width: none; z-index: auto; }
.backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.45); }
.card {
  position: relative; display: block; background: var(--op-bg); color: var(--op-fg);
  border: 1px solid var(--op-border); border-radius: 12px; padding: 20px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18); animation: op-in 160ms ease-out;
}
.root[data-position="center"] .card { width: 480px; max-width: 100%; }
.root[data-position="bottom"] .card { border-radius: 0; border-width: 1px 0 0; }
.root[data-position="bottom"] .card > * { max-width: 640px; margin-inline: auto; }
@keyframes op-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card, .root * { animation: none !important; transition: none !important; } }
h2 { display: block; margin: 0; padding: 0; padding-inline-end: 32px; font-weight: 600; font-size: 16px; line-height: 1.4; }
.close {
  position: absolute; top: 8px; inset-inline-end: 8px; width: 32px; height: 32px; border-radius: 6px;
  border: 0; background: transparent; cursor: pointer; display: inline-flex; align-items: center; justify-content: center;
  font-size: 22px; line-height: 1; color: var(--op-muted);
}
.close:hover { background: var(--op-chip); }
.scale { display: grid; grid-template-columns: repeat(11, minmax(24px, 1fr)); gap: 4px; margin-top: 14px; }
.score {
  min-width: 24px; min-height: 36px; border-radius: 6px; border: 1px solid var(--op-border);
  background: var(--op-bg); cursor: pointer; font-weight: 600; padding: 0; display: flex; align-items: center; justify-content: center;
}
.score:hover { background: var(--op-chip); }
.score[aria-checked="true"] { background: var(--op-accent); color: var(--op-on-accent); border-color: var(--op-accent); }
.ends { display: flex; justify-content: space-between; gap: 12px; margin-top: 6px; font-size: 13px; color: var(--op-muted); }
.actions { display: flex; gap: 8px; margin-top: 14px; justify-content: flex-end; flex-wrap: wrap; }
.button {
  min-height: 36px; min-width: 24px; padding: 6px 14px; border-radius: 8px; cursor: pointer; font-weight: 600;
  border: 1px solid var(--op-accent); background: var(--op-accent); color: var(--op-on-accent); text-decoration: none;
  display: inline-flex; align-items: center; justify-content: center;
}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--op-focus); outline-offset: 2px; }
.score:focus-visible { outline-offset: 1px; }
@media (max-width: 479px) {
  .root:not([data-inline]):not([data-position="center"]) { left: 0; right: 0; bottom: 0; width: 100%; max-width: none; }
  .root:not([data-inline]):not([data-position="center"]) .card { border-radius: 16px 16px 0 0; border-width: 1px 0 0; padding: 18px 14px calc(18px + env(safe-area-inset-bottom)); }
  .scale { gap: 2px; }
  .score { min-height: 44px; }
  .button, .close { min-height: 44px; min-width: 44px; }
}
@media (pointer: coarse) {
  .score, .button, .close { min-height: 44px; }
}
`;
