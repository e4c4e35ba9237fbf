import { useEffect, useRef, useState } from 'preact/hooks';
import { useView } from './context.ts';
import { ScoreStep } from './score-step.tsx';
import { useModel } from './use-model.ts';

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

/** The card: a labelled dialog with a close button on every step. Esc dismisses. */
export function Survey({ focusOnOpen, modal, loadLaterSteps = loadLater }: SurveyProps) {
  const { model, t, say, idPrefix, adoptCss } = useView();
  useModel(model);
  const card = useRef<HTMLElement>(null);
  const [later, setLater] = useState<LaterSteps | undefined>(undefined);
  useEffect(() => {
    loadLaterSteps().then((steps) => {
      adoptCss(steps.css);
      setLater(steps);
    }, () => undefined);
  }, []);
  const step = model.step.value;
  const focusWasInside = useRef(false);
  const focusedStep = useRef<string | undefined>(undefined);

  // Focus: on open only when asked; on later steps only when the respondent is already inside.
  useEffect(() => {
    const element = card.current;
    if (!element || focusedStep.current === step || (step !== 'score' && !later)) return;
    focusedStep.current = step;
    const isFirst = step === 'score';
    if (isFirst ? focusOnOpen : focusWasInside.current) {
      const target = step === 'score' ? element.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') : step === 'follow-up' ? element.querySelector<HTMLElement>('textarea') : element.querySelector<HTMLElement>('h2');
      target?.focus();
    }
  }, [step, later]);

  // The thank-you closes by itself, unless the respondent is working inside it.
  useEffect(() => {
    const seconds = model.config.closeAfter;
    if (step !== 'thank-you' || seconds <= 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      if (focusInside(card.current)) timer = setTimeout(check, 2000);
      else model.actions.close();
    };
    timer = setTimeout(check, seconds * 1000);
    return () => clearTimeout(timer);
  }, [step]);

  function onKeyDown(event: KeyboardEvent) {
    focusWasInside.current = true;
    if (event.key === 'Escape') {
      event.stopPropagation();
      model.actions.dismiss();
      return;
    }
    if (modal && event.key === 'Tab' && card.current) {
      const items = [...card.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.tabIndex >= 0);
      const first = items[0];
      const last = items.at(-1);
      const active = (card.current.getRootNode() as ShadowRoot).activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  }

  // One polite status region: it announces an automatic open (which does not take focus) and the thank-you.
  const announcement =
    step === 'thank-you' ? (model.segment.value === 'detractor' ? t.detractorTitle : t.thanks) : focusOnOpen ? '' : say(t.announce, { question: say(t.question) });

  if (step === 'closed' || step === 'dismissed') return null;
  return (
    <>
      {modal && <div class="backdrop" onClick={() => model.actions.dismiss()} />}
      <section
        ref={card}
        class="card"
        role="dialog"
        aria-modal={modal ? 'true' : undefined}
        aria-label={t.surveyLabel}
        onKeyDown={onKeyDown}
        onFocusIn={() => (focusWasInside.current = true)}
        onPointerDown={() => (focusWasInside.current = true)}
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
