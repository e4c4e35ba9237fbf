import { effect, Signal } from '@preact/signals-core';
import type { SurveyModel } from '../model/survey-model.ts';

/**
 * Calls `onChange` whenever any of the model's signals changes (not for the values it starts
 * with); returns the function that stops watching. The survey is small enough that one
 * subscription at the top beats a framework binding per signal, and the bytes that binding costs.
 */
export function watchModel(model: SurveyModel, onChange: () => void): () => void {
  let first = true;
  return effect(() => {
    // Reading a signal inside effect() subscribes to it: every signal the model exposes.
    for (const value of Object.values(model)) if (value instanceof Signal) void value.value;
    if (first) first = false;
    else onChange();
  });
}
