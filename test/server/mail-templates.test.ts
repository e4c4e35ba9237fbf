import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../server/mail/index.ts';
import { alertAddresses, type Recipient } from '../../server/mail/recipients.ts';
import { remindersByRecipient } from '../../server/mail/daily.ts';
import { dailyRunAt, nextDailyDay } from '../../server/mail/daily-schedule.ts';
import { digestMail, npsChange } from '../../server/mail/templates/digest.ts';
import { newDetractorMail } from '../../server/mail/templates/new-detractor.ts';
import { dueTomorrowMail, overdueMail } from '../../server/mail/templates/reminder.ts';
import { replyMail } from '../../server/mail/templates/reply.ts';
import type { OpenFollowUp } from '../../server/responses/index.ts';

const PUBLIC_URL = 'https://nps.example/';
const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> \'quoted\'';
const links = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');

describe('mail templates (pure)', () => {
  it('escape everything a respondent wrote in the HTML body, and keep it as written in the text body', () => {
    const mail = newDetractorMail({ publicUrl: PUBLIC_URL, teamName: 'Shop & Co', response: { id: 'r1', score: 2, comment: HOSTILE, who: '<b>Sam</b>' } });
    expect(mail.html).not.toMatch(/<script|<img|<b>/);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39;');
    expect(mail.html).toContain('&lt;b&gt;Sam&lt;/b&gt;');
    expect(mail.html).toContain('Shop &amp; Co');
    expect(mail.text).toContain(`> ${HOSTILE}`);
    expect(mail.subject).toBe('New detractor (2/10) for Shop & Co');
  });

  it('link absolutely to PUBLIC_URL, one slash between it and the path', () => {
    const mails = [
      newDetractorMail({ publicUrl: PUBLIC_URL, teamName: 'Shop', response: { id: 'r/1', score: 0, comment: null, who: null } }),
      digestMail({ publicUrl: PUBLIC_URL, teamName: 'Shop', day: '2026-01-01', counts: { promoters: 1, passives: 0, detractors: 2 }, nps: { current: -33.3, previous: 10 }, overdue: 4 }),
      dueTomorrowMail({ publicUrl: PUBLIC_URL, teamName: 'Shop', items: [{ id: 'r2', score: 3, comment: 'late', dueAt: Date.UTC(2026, 0, 3) }] }),
      overdueMail({ publicUrl: PUBLIC_URL, teamName: 'Shop', items: [{ id: 'r3', score: 5, comment: null, dueAt: Date.UTC(2026, 0, 1) }] }),
    ];
    for (const mail of mails) {
      const hrefs = links(mail.html);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/nps\.example\/[^/]/);
      for (const href of hrefs) expect(mail.text).toContain(href.replaceAll('&amp;', '&'));
    }
    expect(links(mails[0]!.html)).toContain('https://nps.example/responses/r%2F1');
    expect(links(mails[1]!.html)).toContain('https://nps.example/responses?overdue=true');
  });

  it('the digest says new responses by segment, how NPS moved and what is overdue', () => {
    const mail = digestMail({ publicUrl: PUBLIC_URL, teamName: 'Shop', day: '2026-01-01', counts: { promoters: 1, passives: 0, detractors: 2 }, nps: { current: -33.3, previous: 10 }, overdue: 4 });
    expect(mail.subject).toBe('Shop: 3 new responses on 2026-01-01');
    expect(mail.text).toContain('Promoters: 1\nPassives: 0\nDetractors: 2\nNPS -33.3 (-43.3 on the week before)\nOverdue follow-ups: 4');
    expect(npsChange({ current: 20, previous: 20 })).toBe('NPS 20 (unchanged on the week before)');
    expect(npsChange({ current: 25, previous: 20 })).toBe('NPS 25 (+5 on the week before)');
    expect(npsChange({ current: null, previous: 20 })).toBe('NPS: no responses in the last 7 days');
    expect(npsChange({ current: 5, previous: null })).toBe('NPS 5 (no responses the week before)');
  });

  it('a reply keeps the member’s words, escapes them in HTML, quotes the respondent, and has a one-line subject', () => {
    const mail = replyMail({ subject: 'Sorry\r\nBcc: all@x.example', body: 'Hello <you>,\nthanks.', memberName: 'Ana', teamName: 'Shop', comment: HOSTILE });
    expect(mail.subject).toBe('Sorry Bcc: all@x.example');
    expect(mail.text.startsWith('Hello <you>,\nthanks.')).toBe(true);
    expect(mail.html).toContain('Hello &lt;you&gt;,<br>thanks.');
    expect(mail.html).not.toMatch(/<script|<img/);
    expect(mail.text).toContain(`You wrote:\n> ${HOSTILE}`);
  });

  it('escapeHtml escapes the five characters and nothing else', () => {
    expect(escapeHtml(`a<b>&"'é`)).toBe('a&lt;b&gt;&amp;&quot;&#39;é');
  });
});

describe('who gets what (pure)', () => {
  const member = (userId: string, role: Recipient['role'], preferences: Partial<Recipient['preferences']> = {}): Recipient => ({
    userId,
    name: userId,
    email: `${userId}@team.example`,
    role,
    preferences: { newDetractor: role !== 'viewer', digest: role !== 'viewer', reminders: role !== 'viewer', ...preferences },
  });
  const team = [member('ana', 'admin'), member('bo', 'admin', { newDetractor: false }), member('cy', 'member'), member('di', 'viewer')];

  it('a new detractor alerts its owner only; unowned, the alert list or else the admins who want alerts', () => {
    expect(alertAddresses(team, null, 'cy')).toEqual(['cy@team.example']);
    expect(alertAddresses(team, null, 'bo')).toEqual([]); // the owner turned alerts off
    expect(alertAddresses(team, null, null)).toEqual(['ana@team.example']);
    expect(alertAddresses(team, null, 'gone')).toEqual(['ana@team.example']); // an owner no longer in the team
    expect(alertAddresses(team, ['Support@Shop.example', 'bo@team.example', 'di@team.example'], null)).toEqual(['support@shop.example']);
  });

  it('reminders go to each owner for their own, and to everyone who wants them for the unowned', () => {
    const item = (id: string, ownerId: string | null): OpenFollowUp => ({ id, siteId: 's', score: 3, segment: 'detractor', comment: null, ownerId, owner: ownerId, dueAt: 0 });
    const quiet = [member('ana', 'admin'), member('cy', 'member', { reminders: false }), member('di', 'viewer')];
    const byName = (map: Map<Recipient, OpenFollowUp[]>) => Object.fromEntries([...map].map(([who, items]) => [who.userId, items.map((each) => each.id)]));
    expect(byName(remindersByRecipient(quiet, [item('1', 'cy'), item('2', 'ana'), item('3', null)]))).toEqual({ ana: ['2', '3'] });
  });

  it('the daily job of a day runs at the fixed UTC hour; the next one is the first still ahead', () => {
    expect(new Date(dailyRunAt('2026-01-02')).toISOString()).toBe('2026-01-02T08:00:00.000Z');
    expect(nextDailyDay(Date.parse('2026-01-02T07:59:59Z'))).toBe('2026-01-02');
    expect(nextDailyDay(Date.parse('2026-01-02T08:00:00Z'))).toBe('2026-01-03');
    expect(nextDailyDay(Date.parse('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
