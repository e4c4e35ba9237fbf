import { useState } from 'preact/hooks';
import { useView } from './use-view.ts';

/** Referral code with Copy, referral link with Web Share where available, review link. Promoters only. */
export function PromoterThanks() {
  const { model, t, say, platform, idPrefix } = useView();
  const { referralCode, referralUrl, reviewUrl } = model.config;
  const [copied, setCopied] = useState(false);
  const share = platform.share;
  return (
    <div>
      <p>{say(t.promoterText)}</p>
      {referralCode && (
        <div class="referral">
          <span id={`${idPrefix}-code-label`}>{t.referralCodeLabel}</span>
          <code class="code" aria-labelledby={`${idPrefix}-code-label`}>
            {referralCode}
          </code>
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              platform.copyText?.(referralCode).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            <span aria-live="polite">{copied ? t.copied : t.copy}</span>
          </button>
        </div>
      )}
      {(referralUrl || reviewUrl) && (
        <div class="links">
          {referralUrl && share && (
            <button type="button" class="button" onClick={() => void share({ title: t.referralLink, text: say(t.promoterText), url: referralUrl }).catch(() => undefined)}>
              {t.share}
            </button>
          )}
          {referralUrl && (
            <a class={share ? 'button secondary' : 'button'} href={referralUrl} target="_blank" rel="noopener">
              {t.referralLink}
            </a>
          )}
          {reviewUrl && (
            <a class="button secondary" href={reviewUrl} target="_blank" rel="noopener">
              {t.review}
            </a>
          )}
        </div>
      )}
    </div>
  );
}
