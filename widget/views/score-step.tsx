import { Component } from 'preact';
import { SCORES, type Score } from '../../sdk/segment.ts';
import { Context, viewOf, type ViewContext } from './context.ts';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * 0–10 as a WAI-ARIA radio group with a roving tabindex. A click picks and goes on; with the
 * keyboard, arrows (wrapping), Home and End move and check, and only Enter, Space or Next confirm.
 */
export class ScoreStep extends Component<object, { checked?: Score }> {
  static override contextType = Context;
  private group: HTMLDivElement | null = null;

  private get view(): ViewContext {
    return viewOf(this.context as ViewContext | undefined);
  }

  private setGroup = (element: HTMLDivElement | null) => {
    this.group = element;
  };

  private move(to: Score): void {
    this.setState({ checked: to });
    this.group?.querySelector<HTMLElement>(`[data-score="${to}"]`)?.focus();
  }

  private onKeyDown(event: KeyboardEvent, score: Score): void {
    const { key } = event;
    const { model, rtl } = this.view;
    const forward = rtl ? key === 'ArrowLeft' || key === 'ArrowDown' : NEXT_KEYS.has(key);
    const backward = rtl ? key === 'ArrowRight' || key === 'ArrowUp' : PREV_KEYS.has(key);
    let target: number | undefined;
    if (forward) target = (score + 1) % 11;
    else if (backward) target = (score + 10) % 11;
    else if (key === 'Home') target = 0;
    else if (key === 'End') target = 10;
    else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      model.actions.pickScore(this.state.checked ?? score);
      return;
    }
    if (target === undefined) return;
    event.preventDefault();
    this.move(SCORES[target] ?? 0);
  }

  override render() {
    const { model, t, say, idPrefix } = this.view;
    const { checked } = this.state;
    const questionId = `${idPrefix}-question`;
    const tabStop = checked ?? 0;
    return (
      <div>
        <h2 id={questionId}>{say(t.question)}</h2>
        <div ref={this.setGroup} class="scale" role="radiogroup" aria-labelledby={questionId}>
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
              onKeyDown={(event) => this.onKeyDown(event, score)}
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
}
