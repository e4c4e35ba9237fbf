import { surveyConfigSchema, type ResponsePayload, type SurveyConfigInput } from '../../sdk/index.ts';
import { createSurveyModel, type ModelChange } from '../../widget/model/survey-model.ts';

/** A configuration that sets every advocacy option, to prove 0–8 never see them. */
export const everythingConfig: SurveyConfigInput = {
  endpoint: 'https://collector.example',
  siteKey: 'pk_test1234',
  product: 'Acme',
  referralCode: 'ACME-42',
  referralUrl: 'https://acme.example/invite',
  reviewUrl: 'https://reviews.example/acme',
  supportUrl: 'https://acme.example/help',
  drivers: ['Value for money', 'Responsiveness'],
};

/** A model with plain-function dependencies that records what it delivers and tells. */
export function modelWith(input: Partial<SurveyConfigInput> = {}, identity?: { userId: string; email?: string }) {
  const delivered: ResponsePayload[] = [];
  const changes: ModelChange[] = [];
  let ids = 0;
  const model = createSurveyModel({
    config: surveyConfigSchema.parse({ ...everythingConfig, ...input }),
    identity,
    deliver: (payload) => delivered.push(payload),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    anonymousId: 'anon-123456',
    locale: 'en',
    pageUrl: 'https://shop.example/checkout',
    now: () => Date.parse('2026-11-22T10:00:00Z'),
    notify: (change) => changes.push(change),
  });
  return { model, delivered, changes };
}
