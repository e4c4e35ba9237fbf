export { mountSurvey, type MountOptions, type SurveyController } from './mount/mount-survey.ts';
export { createSurveyModel, type SurveyModel, type SurveyModelDeps, type Step } from './model/survey-model.ts';
export { LOCALES, pickLocale, isRtl, type Messages, type MessageKey } from './i18n/index.ts';
export { surveyEligibility, type SurveyEligibilityOptions } from './mount/survey-eligibility.ts';
