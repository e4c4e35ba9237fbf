import { describe, expect, it } from 'vitest';
import { fill, isRtl, LOCALES, loadMessages, pickLocale } from '../../widget/i18n/index.ts';
import { en } from '../../widget/i18n/locales/en.ts';
import { enFirst } from '../../widget/i18n/locales/en-first.ts';
import { withEnglish } from '../../widget/i18n/with-english.ts';

describe('locales', () => {
  it('has at least 12 built-in locales, including a right-to-left one', () => {
    expect(LOCALES.length).toBeGreaterThanOrEqual(12);
    expect(LOCALES.some(isRtl)).toBe(true);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every key, translated, with the same placeholders', async (locale) => {
    const messages = await loadMessages(locale);
    expect(withEnglish(messages)).toEqual(messages); // nothing borrowed from English
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), `${locale}.${key}`).not.toBe('');
      const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
    expect(messages.question).not.toBe(en.question);
  });

  it('gives English pages the first view’s words at once and the later steps’ words with those steps', async () => {
    const first = await loadMessages('en');
    expect(first).toEqual(enFirst);
    expect(first.followUpQuestion).toBeUndefined();
    expect(withEnglish(first)).toEqual(en);
    expect(withEnglish(await loadMessages('en', { send: 'Submit' })).send).toBe('Submit');
  });

  it('picks configuration, then page lang, then browser, by exact then base language, else English', () => {
    expect(pickLocale(['de', 'fr'])).toBe('de');
    expect(pickLocale([undefined, 'pt-BR'])).toBe('pt');
    expect(pickLocale(['xx', 'he-IL'])).toBe('he');
    expect(pickLocale(['xx', null])).toBe('en');
  });

  it('lets every string be overridden and fills {product} as text', async () => {
    const messages = withEnglish(await loadMessages('fr', { followUpQuestion: 'Une idée pour {product} ?', notAKey: 'never shown' }));
    expect(messages.followUpQuestion).toBe('Une idée pour {product} ?');
    expect(messages.send).toBe('Envoyer');
    expect(fill(messages.followUpQuestion, { product: '<b>Acme</b>' })).toBe('Une idée pour <b>Acme</b> ?');
  });
});
