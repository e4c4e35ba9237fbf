import { Component } from 'preact';
import { Context, viewOf, type ViewContext } from './context.ts';
import { ScoreStep } from './score-step.tsx';
import { watchModel } from './watch-model.ts';

type LaterSteps = typeof import('./later-steps.ts');

export interface SurveyProps {
  /** Move focus to the scale on open (opened by a user action); otherwise only announce. */
  focusOnOpen: boolean;
  /** `center`: a modal that keeps focus inside. */
  modal: boolean;
  /** Loads the follow-up and thank-you views. @default their own chunk */
  loadLaterSteps?: () => Promise<LaterSteps>;
}

const loadLater = () => import('./later-steps.ts');

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

function focusInside(element: HTMLElement | null): boolean {
  if (!element) return false;
  const root = element.getRootNode() as Document | ShadowRoot;
  return Boolean(root.activeElement && element.contains(root.activeElement));
}

/**
 * The card: a labelled dialog with a close button on every step. Esc dismisses. A class, as is
 * the score step: the first screen renders without preact/hooks, which load with the later steps.
 */
export class Survey extends Component<SurveyProps, { later?: LaterSteps }> {
  static override contextType = Context;
  private card: HTMLElement | null = null;
  private focusWasInside = false;
  private focusedStep: string | undefined;
  private timedStep: string | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopWatching: (() => void) | undefined;

  private get view(): ViewContext {
    return viewOf(this.context as ViewContext | undefined);
  }

  override componentDidMount(): void {
    const { model, adoptCss } = this.view;
    this.stopWatching = watchModel(model, () => this.forceUpdate());
    (this.props.loadLaterSteps ?? loadLater)().then((later) => {
      adoptCss(later.css);
      this.setState({ later });
    }, () => undefined);
    this.afterRender();
  }

  override componentDidUpdate(): void {
    this.afterRender();
  }

  override componentWillUnmount(): void {
    this.stopWatching?.();
    clearTimeout(this.closeTimer);
  }

  private afterRender(): void {
    const step = this.view.model.step.value;
    this.moveFocus(step);
    if (step !== this.timedStep) this.scheduleClose(step);
  }

  // Focus: on open only when asked; on later steps only when the respondent is already inside.
  private moveFocus(step: string): void {
    const element = this.card;
    if (!element || this.focusedStep === step || (step !== 'score' && !this.state.later)) return;
    this.focusedStep = step;
    if (step === 'score' ? this.props.focusOnOpen : this.focusWasInside) {
      const target = step === 'score' ? element.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') : step === 'follow-up' ? element.querySelector<HTMLElement>('textarea') : element.querySelector<HTMLElement>('h2');
      target?.focus();
    }
  }

  // The thank-you closes by itself, unless the respondent is working inside it.
  private scheduleClose(step: string): void {
    this.timedStep = step;
    clearTimeout(this.closeTimer);
    const { model } = this.view;
    const seconds = model.config.closeAfter;
    if (step !== 'thank-you' || seconds <= 0) return;
    const check = () => {
      if (focusInside(this.card)) this.closeTimer = setTimeout(check, 2000);
      else model.actions.close();
    };
    this.closeTimer = setTimeout(check, seconds * 1000);
  }

  private setCard = (element: HTMLElement | null) => {
    this.card = element;
  };

  private entered = () => {
    this.focusWasInside = true;
  };

  private onKeyDown = (event: KeyboardEvent) => {
    this.focusWasInside = true;
    const card = this.card;
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.view.model.actions.dismiss();
    } else if (this.props.modal && event.key === 'Tab' && card) {
      const items = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.tabIndex >= 0);
      const first = items[0];
      const last = items.at(-1);
      const active = (card.getRootNode() as ShadowRoot).activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  override render() {
    const { model, t, say, idPrefix } = this.view;
    const { modal, focusOnOpen } = this.props;
    const { later } = this.state;
    const step = model.step.value;
    // One polite status region: it announces an automatic open (which does not take focus) and the thank-you.
    const announcement =
      step === 'thank-you' ? (model.segment.value === 'detractor' ? t.detractorTitle : t.thanks) : focusOnOpen ? '' : say(t.announce, { question: say(t.question) });

    if (step === 'closed' || step === 'dismissed') return null;
    return (
      <>
        {modal && <div class="backdrop" onClick={() => model.actions.dismiss()} />}
        <section
          ref={this.setCard}
          class="card"
          role="dialog"
          aria-modal={modal ? 'true' : undefined}
          aria-label={t.surveyLabel}
          onKeyDown={this.onKeyDown}
          onFocusIn={this.entered}
          onPointerDown={this.entered}
          data-step={step}
          id={`${idPrefix}-card`}
        >
          <button type="button" class="close" aria-label={t.close} onClick={() => model.actions.dismiss()}>
            <span aria-hidden="true">×</span>
          </button>
          {step === 'score' && <ScoreStep />}
          {step === 'follow-up' && later && <later.FollowUpStep />}
          {step === 'thank-you' && later && <later.ThankYou />}
          <div class="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </div>
        </section>
      </>
    );
  }
}
