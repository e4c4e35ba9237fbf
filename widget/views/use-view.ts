import { useContext } from 'preact/hooks';
import { Context, viewOf, type ViewContext } from './context.ts';

/** The survey's context, for the function components of the later steps. */
export function useView(): ViewContext {
  return viewOf(useContext(Context));
}
