import { createEmitter } from '../../sdk/emitter.ts';
import { surveyConfigSchema, type SurveyConfigInput } from '../../sdk/schemas/config.ts';
import { identitySchema } from '../../sdk/schemas/identity.ts';
import { parseOrThrow } from '../../sdk/validate.ts';
import { renderSurvey, type MountOptions, type SurveyController } from './render-survey.tsx';

export type { MountOptions, SurveyController } from './render-survey.tsx';

/**
 * Renders the survey. Into `element` as an inline embed, or, with `element` null, as a floating
 * card (or modal, or bar) appended to `document.body`. Throws {@link InvalidInputError} naming
 * the field for a bad configuration; the script tag turns that into a console error instead.
 * @example
 * import { mountSurvey } from 'onepoint/widget';
 * const survey = mountSurvey(document.querySelector('#nps'), { endpoint: 'https://collector.example.com', siteKey: 'pk_live_1234' });
 * survey.on('submitted', ({ score }) => console.log(score));
 */
export function mountSurvey(element: Element | null, input: SurveyConfigInput, options: MountOptions = {}): SurveyController {
  const config = parseOrThrow(surveyConfigSchema, input, 'survey configuration');
  const identity = options.identity === undefined ? undefined : parseOrThrow(identitySchema, options.identity, 'identity');
  return renderSurvey(element, config, { ...options, identity, events: options.events ?? createEmitter() });
}
