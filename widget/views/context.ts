import { createContext } from 'preact';
import type { Words } from '../i18n/index.ts';
import type { SurveyModel } from '../model/survey-model.ts';

/** What touches the platform, injected so component tests pass fakes. */
export interface Platform {
  copyText?: (text: string) => Promise<void>;
  share?: (data: { title?: string; text?: string; url?: string }) => Promise<void>;
}

export interface ViewContext {
  model: SurveyModel;
  /** The first view's words (complete for a translated locale); the later steps' `useView` completes them. */
  t: Words;
  /** Fills `{product}` and other placeholders. */
  say: (text: string, values?: Record<string, string | number>) => string;
  platform: Platform;
  /** Unique per survey, for ids inside the shadow root. */
  idPrefix: string;
  rtl: boolean;
  /** Adds a stylesheet to the survey's shadow root (for chunks that arrive later). */
  adoptCss: (css: string) => void;
}

/**
 * Read by the first screen's class components (`static contextType`) and by the later steps'
 * `useView`: hooks load with the later steps, so the first view does not pay for them.
 */
export const Context = createContext<ViewContext | undefined>(undefined);

/** The context a view rendered inside `<Context.Provider>` sees. */
export function viewOf(value: ViewContext | undefined): ViewContext {
  if (!value) throw new Error('survey views render inside <Context.Provider>');
  return value;
}
