import { useRef, useState } from 'preact/hooks';
import { SCORES, type Score } from '../../sdk/index.ts';
import { useView } from './context.ts';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * 0–10 as a WAI-ARIA radio group with a roving tabindex. A click picks and goes on; with the
 * keyboard, arrows (wrapping), Home and End move and check, and only Enter, Space or Next confirm.
 */
export function ScoreStep() {
  const { model, t, say, idPrefix, rtl } = useView();
  const [checked, setChecked] = useState<Score | undefined>(undefined);
  const group = useRef<HTMLDivElement>(null);
  const questionId = `${idPrefix}-question`;

  function move(to: Score) {
    setChecked(to);
    group.current?.querySelector<HTMLElement>(`[data-score="${to}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent, score: Score) {
    const { key } = event;
    const forward = rtl ? key === 'ArrowLeft' || key === 'ArrowDown' : NEXT_KEYS.has(key);
    const backward = rtl ? key === 'ArrowRight' || key === 'ArrowUp' : PREV_KEYS.has(key);
    let target: number | undefined;
    if (forward) target = (score + 1) % 11;
    else if (backward) target = (score + 10) % 11;
    else if (key === 'Home') target = 0;
    else if (key === 'End') target = 10;
    else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      model.actions.pickScore(checked ?? score);
      return;
    }
    if (target === undefined) return;
    event.preventDefault();
    move(SCORES[target] ?? 0);
  }

  const tabStop = checked ?? 0;
  return (
    <div>
      <h2 id={questionId}>{say(t.question)}</h2>
      <div ref={group} class="scale" role="radiogroup" aria-labelledby={questionId}>
        {SCORES.map((score) => (
          <button
            type="button"
            key={score}
            class="score"
            role="radio"
            data-score={score}
            aria-checked={checked === score ? 'true' : 'false'}
            aria-label={score === 0 ? `0, ${t.notLikely}` : score === 10 ? `10, ${t.veryLikely}` : String(score)}
            tabIndex={score === tabStop ? 0 : -1}
            onClick={(event) => {
              // A real click (detail ≥ 1) picks at once; a keyboard "click" is handled in onKeyDown.
              if (event.detail > 0) model.actions.pickScore(score);
            }}
            onKeyDown={(event) => onKeyDown(event, score)}
          >
            {score}
          </button>
        ))}
      </div>
      <div class="ends" aria-hidden="true">
        <span>{t.notLikely}</span>
        <span>{t.veryLikely}</span>
      </div>
      {checked !== undefined && (
        <div class="actions">
          <button type="button" class="button" onClick={() => model.actions.pickScore(checked)}>
            {t.next}
          </button>
        </div>
      )}
    </div>
  );
}
