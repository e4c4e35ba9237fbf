/** Styles of the follow-up and thank-you steps, adopted when their chunk arrives. */
export const css = `
p, fieldset, legend { margin: 0; padding: 0; border: 0; }
legend { display: block; font-weight: 600; font-size: 16px; line-height: 1.4; padding-inline-end: 32px; }
p { margin-top: 8px; color: var(--op-muted); }
.button.secondary { background: transparent; color: var(--op-fg); border-color: var(--op-border); }
.button[disabled] { opacity: 0.6; cursor: default; }
a { color: inherit; }
textarea, input[type="email"], input[type="text"] {
  display: block; width: 100%; margin-top: 10px; padding: 8px 10px; border-radius: 8px; resize: vertical;
  border: 1px solid var(--op-border); background: var(--op-bg); color: var(--op-fg); min-height: 36px;
}
textarea { min-height: 84px; }
.counter { margin-top: 4px; font-size: 13px; color: var(--op-muted); text-align: end; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.chips legend { font-weight: 500; font-size: 14px; color: var(--op-muted); width: 100%; margin-bottom: 6px; padding: 0; }
.chip { display: inline-flex; align-items: center; gap: 6px; min-height: 32px; padding: 4px 10px; border-radius: 999px; border: 1px solid var(--op-border); background: var(--op-chip); cursor: pointer; }
.chip input { width: 16px; height: 16px; margin: 0; accent-color: var(--op-accent); }
.referral { display: flex; gap: 8px; align-items: center; margin-top: 12px; flex-wrap: wrap; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 15px; padding: 6px 10px; border: 1px dashed var(--op-border); border-radius: 6px; }
.links { display: flex; gap: 8px; margin-top: 12px; flex-wrap: wrap; }
.consent { display: flex; gap: 8px; align-items: flex-start; margin-top: 12px; cursor: pointer; }
.consent input { width: 18px; height: 18px; margin: 2px 0 0; accent-color: var(--op-accent); }
label.field { display: block; margin-top: 10px; font-size: 14px; }
@media (max-width: 479px), (pointer: coarse) { .chip { min-height: 44px; } }
`;
