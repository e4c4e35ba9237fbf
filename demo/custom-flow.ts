// A developer's own flow on the SDK: an email carries a row of 0–10 links; the landing page
// records the score at once (partial), then the follow-up (complete, same id, higher seq).
// Below it, the ready-made survey embedded inline with mountSurvey.
import { browserStorage, createClient, randomUuid, segmentOf, type ResponseDraft } from 'onepoint/sdk';
import { mountSurvey, surveyEligibility } from 'onepoint/widget';

const main = document.querySelector<HTMLElement>('main[data-endpoint]');
const endpoint = main?.dataset.endpoint ?? '';
const siteKey = main?.dataset.siteKey ?? '';
const client = createClient({ endpoint, siteKey });

const scale = document.getElementById('email-scale');
for (let score = 0; score <= 10; score++) {
  const link = document.createElement('a');
  link.href = `?score=${score}`;
  link.textContent = String(score);
  scale?.append(link, ' ');
}

const picked = new URLSearchParams(location.search).get('score');
if (picked !== null) void land(Number(picked));

async function land(score: number) {
  const landing = document.getElementById('landing');
  const status = document.getElementById('landing-status');
  if (!landing || !status) return;
  landing.hidden = false;
  const draft: ResponseDraft = {
    id: randomUuid(),
    surveyId: 'nps-email',
    seq: 1,
    score,
    status: 'partial',
    anonymousId: 'email-recipient-1',
    context: { url: location.href, locale: 'en', createdAt: new Date().toISOString() },
  };
  try {
    const ack = await client.submit(draft);
    status.textContent = `Recorded your ${score} (${segmentOf(score)}).`;
    document.getElementById('follow-up')?.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = document.querySelector<HTMLTextAreaElement>('#follow-up-text')?.value.trim() ?? '';
      const final = await client.submit({ ...draft, seq: ack.seq + 1, status: 'complete', ...(text ? { comment: text } : {}) });
      status.textContent = `Thank you — saved as ${final.segment} feedback.`;
    });
  } catch (error) {
    status.textContent = `Could not record the score: ${error instanceof Error ? error.message : String(error)}`;
  }
}

// The embed asks only when the script tag would: mountSurvey renders when it is told to, so the
// page first asks surveyEligibility, which applies the same rules (SPEC §5) to what this browser
// remembers of its answers and dismissals.
const inline = document.getElementById('inline');
const inlineConfig = { endpoint, siteKey, product: 'Acme', surveyId: 'nps-inline', referralCode: 'ACME-FRIEND', closeAfter: 0 };
const storage = browserStorage();
const verdict = surveyEligibility(inlineConfig, { storage });
if (inline && verdict.eligible) mountSurvey(inline, inlineConfig, { storage });
else if (inline) {
  const note = document.createElement('p');
  note.id = 'inline-answered';
  const again = verdict.nextEligibleAt === undefined ? '' : ` It asks again from ${new Date(verdict.nextEligibleAt).toLocaleDateString('en')}.`;
  note.textContent = `${verdict.reason === 'dismissed-recently' ? 'You closed this survey recently.' : 'Thank you — this browser has answered already.'}${again}`;
  inline.append(note);
}
