// Position, theme, locale and accent, shown on request: a survey opening on every change would
// cover the controls (the centred modal does). Test mode: it always shows and marks responses as test.
import { surveyConfigSchema } from 'onepoint/sdk';
import { mountSurvey, type SurveyController } from 'onepoint/widget';

const main = document.querySelector<HTMLElement>('main[data-endpoint]');
const form = document.querySelector<HTMLFormElement>('#controls');
let current: SurveyController | undefined;

function show() {
  if (!form || !main) return;
  const data = new FormData(form);
  current?.destroy();
  // The form's values go through the same schema as any page's configuration.
  const config = surveyConfigSchema.parse({
    endpoint: main.dataset.endpoint ?? '',
    siteKey: main.dataset.siteKey ?? '',
    product: 'Acme',
    test: true,
    position: data.get('position'),
    theme: data.get('theme'),
    locale: String(data.get('locale')),
    accent: String(data.get('accent')),
    referralCode: 'ACME-FRIEND',
    referralUrl: 'https://acme.example/invite',
    reviewUrl: 'https://reviews.example/acme',
    supportUrl: 'https://acme.example/help',
    drivers: ['Value for money', 'Ease of use', 'Support'],
    closeAfter: 0,
  });
  current = mountSurvey(null, config, { focus: true, trigger: 'show' });
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  show();
});
