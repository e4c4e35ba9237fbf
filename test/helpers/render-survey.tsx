import { render } from '@testing-library/preact';
import type { SurveyConfigInput } from '../../sdk/index.ts';
import { fill, isRtl, loadMessages } from '../../widget/i18n/index.ts';
import * as laterSteps from '../../widget/views/later-steps.ts';
import { Context, type Platform } from '../../widget/views/context.ts';
import { Survey } from '../../widget/views/survey.tsx';
import { modelWith } from './survey-fixtures.ts';

/** Renders the survey views over a real model, with injected platform fakes. */
export async function renderSurvey(options: { config?: Partial<SurveyConfigInput>; identity?: { userId: string; email?: string }; locale?: string; platform?: Platform; focusOnOpen?: boolean } = {}) {
  const { model, delivered, changes } = modelWith(options.config, options.identity);
  const locale = options.locale ?? 'en';
  const t = await loadMessages(locale, model.config.messages);
  const say = (text: string, values: Record<string, string | number> = {}) => fill(text, { product: model.config.product, ...values });
  const utils = render(
    <div dir={isRtl(locale) ? 'rtl' : 'ltr'}>
      <Context.Provider value={{ model, t, say, platform: options.platform ?? {}, idPrefix: 'op-test', rtl: isRtl(locale), adoptCss: () => undefined }}>
        <Survey focusOnOpen={options.focusOnOpen ?? false} modal={false} loadLaterSteps={async () => laterSteps} />
      </Context.Provider>
    </div>,
  );
  return { ...utils, model, delivered, changes, t };
}
