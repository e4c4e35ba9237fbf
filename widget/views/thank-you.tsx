import { mayAskForAdvocacy } from '../../sdk/index.ts';
import { useView } from './use-view.ts';
import { DetractorThanks } from './thanks-detractor.tsx';
import { PassiveThanks } from './thanks-passive.tsx';
import { PromoterThanks } from './thanks-promoter.tsx';

/** The thank-you that fits the segment. Referral and review content exists only on the promoter branch. */
export function ThankYou() {
  const { model, t } = useView();
  const segment = model.segment.value;
  return (
    <div>
      {/* Focusable by script only: focus lands here when the respondent moved on from inside the card. */}
      <h2 tabIndex={-1}>{segment === 'detractor' ? t.detractorTitle : t.thanks}</h2>
      {segment && mayAskForAdvocacy(segment) ? <PromoterThanks /> : segment === 'passive' ? <PassiveThanks /> : <DetractorThanks />}
    </div>
  );
}
