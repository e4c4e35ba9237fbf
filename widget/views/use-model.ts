import { effect } from '@preact/signals-core';
import { useEffect, useState } from 'preact/hooks';
import type { SurveyModel } from '../model/survey-model.ts';

/**
 * Re-renders the calling component whenever any of the model's signals changes. The survey is
 * small enough that one subscription at the top beats a framework binding per signal (and the
 * bytes that binding costs).
 */
export function useModel(model: SurveyModel): void {
  const [, setVersion] = useState(0);
  useEffect(() => {
    let first = true;
    return effect(() => {
      // Reading a signal inside effect() subscribes to it.
      void [model.step.value, model.score.value, model.comment.value, model.drivers.value, model.followUp.value];
      void [model.contactConsent.value, model.contactEmail.value, model.extraSent.value];
      if (first) first = false;
      else setVersion((version) => version + 1);
    });
  }, [model]);
}
