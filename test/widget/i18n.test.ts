import { describe, expect, it } from 'vitest';
import { fill, isRtl, LOCALES, loadMessages, pickLocale } from '../../widget/i18n/index.ts';
import { en } from '../../widget/i18n/locales/en.ts';

describe('locales', () => {
  it('has at least 12 built-in locales, including a right-to-left one', () => {
    expect(LOCALES.length).toBeGreaterThanOrEqual(12);
    expect(LOCALES.some(isRtl)).toBe(true);
  });

  it.each(LOCALES)('%s has every key, translated, with the same placeholders', async (locale) => {
    const messages = await loadMessages(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), `${locale}.${key}`).not.toBe('');
      const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
    if (locale !== 'en') expect(messages.question).not.toBe(en.question);
  });

  it('picks configuration, then page lang, then browser, by exact then base language, else English', () => {
    expect(pickLocale(['de', 'fr'])).toBe('de');
    expect(pickLocale([undefined, 'pt-BR'])).toBe('pt');
    expect(pickLocale(['xx', 'he-IL'])).toBe('he');
    expect(pickLocale(['xx', null])).toBe('en');
  });

  it('lets every string be overridden and fills {product} as text', async () => {
    const messages = await loadMessages('fr', { followUpQuestion: 'Une idée pour {product} ?', notAKey: 'ignored' });
    expect(messages.followUpQuestion).toBe('Une idée pour {product} ?');
    expect(Object.keys(messages)).not.toContain('notAKey');
    expect(fill(messages.followUpQuestion, { product: '<b>Acme</b>' })).toBe('Une idée pour <b>Acme</b> ?');
  });
});
