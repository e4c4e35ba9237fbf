import { effect } from '@preact/signals-core';
import type { SurveyModel } from '../model/survey-model.ts';

/**
 * Calls `onChange` whenever any of the model's signals changes (not for the values it starts
 * with); returns the function that stops watching. The survey is small enough that one
 * subscription at the top beats a framework binding per signal, and the bytes that binding costs.
 */
export function watchModel(model: SurveyModel, onChange: () => void): () => void {
  let first = true;
  return effect(() => {
    // Reading a signal inside effect() subscribes to it.
    void [model.step.value, model.score.value, model.comment.value, model.drivers.value, model.followUp.value];
    void [model.contactConsent.value, model.contactEmail.value, model.extraSent.value];
    if (first) first = false;
    else onChange();
  });
}
