import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_FROM, readEnv } from '../../server/env.ts';

describe('mail settings from the environment', () => {
  it('needs neither: without SMTP_URL mail is kept, and the sender has a default', () => {
    const env = readEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe(DEFAULT_MAIL_FROM);
  });

  it('takes smtp:// and smtps:// URLs and an address to send from', () => {
    const env = readEnv({ SMTP_URL: 'smtps://user:pass@mail.example.com:465', MAIL_FROM: 'Shop NPS <nps@shop.example>' });
    expect(env.SMTP_URL).toBe('smtps://user:pass@mail.example.com:465');
    expect(env.MAIL_FROM).toBe('Shop NPS <nps@shop.example>');
  });

  it.each([
    [{ SMTP_URL: 'https://mail.example.com' }, /SMTP_URL.*smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: 'mail.example.com:587' }, /SMTP_URL/],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM.*address/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => readEnv(env)).toThrow(message);
  });
});
