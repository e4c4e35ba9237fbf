import { useContext } from 'preact/hooks';
import type { Messages } from '../i18n/index.ts';
import { withEnglish } from '../i18n/with-english.ts';
import { Context, viewOf, type ViewContext } from './context.ts';

/** What the later steps see: the survey's context with every word. */
export type LaterView = Omit<ViewContext, 't'> & { t: Messages };

/** The survey's context, for the function components of the later steps. */
export function useView(): LaterView {
  const view = viewOf(useContext(Context));
  return { ...view, t: withEnglish(view.t) };
}
