import { decideEligibility, type EligibilityVerdict } from '../../sdk/eligibility.ts';
import { surveyConfigSchema, type SurveyConfigInput } from '../../sdk/schemas/config.ts';
import { browserStorage, type KeyValueStorage } from '../../sdk/storage.ts';
import { parseOrThrow } from '../../sdk/validate.ts';
import { readVisitor, updateVisitor } from '../shared/visitor-store.ts';

export interface SurveyEligibilityOptions {
  /** Where the survey remembers this browser (the same storage given to `mountSurvey`). @default localStorage, else memory */
  storage?: KeyValueStorage;
  /** Account creation of the identified user, as `identify` takes it. */
  userCreatedAt?: number;
  /** @default Date.now() */
  now?: number;
  /** @default Math.random */
  random?: () => number;
}

/**
 * Whether this browser should be asked now, by the rules the script tag applies by itself
 * (SPEC §5: not again for 90 days after a response, 30 after a dismissal, the sample, a new
 * user's age). `mountSurvey` renders whenever it is called, so an inline embed asks this first;
 * the survey keeps that memory in `storage` when someone answers or dismisses it. The session
 * limit is left out: a page that embeds the survey is where the visitor came to answer.
 * @example
 * const verdict = surveyEligibility(config, { storage });
 * if (verdict.eligible) mountSurvey(element, config, { storage });
 */
export function surveyEligibility(input: SurveyConfigInput, options: SurveyEligibilityOptions = {}): EligibilityVerdict {
  const config = parseOrThrow(surveyConfigSchema, input, 'survey configuration');
  const storage = options.storage ?? browserStorage();
  const visitor = readVisitor(storage);
  const verdict = decideEligibility({
    visitor,
    shownThisSession: 0,
    throttle: config.throttle,
    sample: config.sample,
    now: options.now ?? Date.now(),
    random: options.random ?? Math.random,
    test: config.test,
    ...(options.userCreatedAt === undefined ? {} : { userCreatedAt: options.userCreatedAt }),
  });
  // The sample is decided once per visitor, as the script tag does.
  if (visitor.sampled === undefined && verdict.visitor.sampled !== undefined) updateVisitor(storage, { sampled: verdict.visitor.sampled });
  return verdict;
}
