// @vitest-environment happy-dom
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError, memoryStorage } from '../../sdk/index.ts';
import { mountSurvey, surveyEligibility } from '../../widget/index.ts';
import { everythingConfig } from '../helpers/survey-fixtures.ts';

const DAY_MS = 86_400_000;
const start = Date.parse('2026-11-01T12:00:00Z');

afterEach(() => document.body.replaceChildren());

async function mounted(storage = memoryStorage()) {
  const host = document.createElement('div');
  document.body.append(host);
  const survey = mountSurvey(host, everythingConfig, { storage, now: () => start });
  await survey.ready;
  const radios = [...(host.shadowRoot?.querySelectorAll('[role="radio"]') ?? [])];
  return { survey, host, radios, storage };
}

describe('surveyEligibility: an inline embed asks only when the script tag would', () => {
  it('is eligible for a browser that never answered, and not after a score, until 90 days have passed', async () => {
    const { radios, storage, survey } = await mounted();
    expect(surveyEligibility(everythingConfig, { storage, now: start })).toMatchObject({ eligible: true });
    fireEvent.click(radios[9] as HTMLElement, { detail: 1 });
    expect(surveyEligibility(everythingConfig, { storage, now: start + DAY_MS })).toMatchObject({ eligible: false, reason: 'responded-recently', nextEligibleAt: start + 90 * DAY_MS });
    expect(surveyEligibility(everythingConfig, { storage, now: start + 90 * DAY_MS })).toMatchObject({ eligible: true });
    survey.destroy();
  });

  it('waits 30 days after the survey was closed unanswered', async () => {
    const { survey, storage } = await mounted();
    survey.close();
    expect(surveyEligibility(everythingConfig, { storage, now: start + DAY_MS })).toMatchObject({ eligible: false, reason: 'dismissed-recently' });
    expect(surveyEligibility(everythingConfig, { storage, now: start + 30 * DAY_MS })).toMatchObject({ eligible: true });
  });

  it('decides the sample once per visitor, and test mode ignores every throttle', () => {
    const storage = memoryStorage();
    const first = surveyEligibility({ ...everythingConfig, sample: 0.5 }, { storage, random: () => 0.9 });
    expect(first).toMatchObject({ eligible: false, reason: 'not-sampled' });
    expect(surveyEligibility({ ...everythingConfig, sample: 0.5 }, { storage, random: () => 0 })).toMatchObject({ eligible: false, reason: 'not-sampled' });
    expect(surveyEligibility({ ...everythingConfig, sample: 0.5, test: true }, { storage })).toMatchObject({ eligible: true, reason: 'test' });
  });

  it('throws a typed error naming the field for a bad configuration', () => {
    expect(() => surveyEligibility({ ...everythingConfig, sample: 2 })).toThrow(InvalidInputError);
    expect(() => surveyEligibility({ ...everythingConfig, sample: 2 })).toThrow(/sample/);
  });
});
