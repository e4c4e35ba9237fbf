import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { auditPageSchema, createAdminClient, HttpError, errorBodySchema, mailPreferencesSchema, outboxPageSchema, replyQueuedSchema, responseDetailSchema, type OutboxMail, type ResponsePayload } from '../../sdk/index.ts';
import { int, select } from '../../server/db/rows.ts';
import { enqueue } from '../../server/jobs/index.ts';
import { AdvocacyRefusedError, MAIL_DAILY_JOB, MAIL_SEND_ATTEMPTS, NO_SMTP, nextDailyDay, notifyAdmins, queueMail, scheduleDaily } from '../../server/mail/index.ts';
import { person, testAccounts, teamWithSite, type Person } from '../helpers/accounts.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { failure } from '../helpers/failure.ts';
import { makePayload } from '../helpers/payload.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.ts';

// The runner and the SMTP server work on their own time, and the machine may be busy: each wait
// below is for an outcome (at most 20 s), never a fixed sleep; the tests may take that long.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
const DAY_MS = 86_400_000;

/** Waits for `read` to give something truthy (the runner works on its own time), at most 20 s. */
async function until<T>(read: () => Promise<T> | T, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const outboxRow = z.object({ id: z.string(), kind: z.string(), state: z.string(), error: z.nullable(z.string()), to_address: z.string() });
const jobRow = z.object({ state: z.string(), attempts: int, last_error: z.nullable(z.string()) });

describe.each(ENGINES)('mail on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let sink: SmtpSink;
  let collector: TestCollector;
  let teamA: string;
  let teamB: string;
  let admin: Person;
  let member: Person;
  let viewer: Person;
  let otherAdmin: Person;
  let siteBKey: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    collector = await startTestCollector(name, { smtpUrl: sink.url, mailFrom: 'Shop NPS <nps@shop.example>', jobs: { pollMs: 20, backoff: { baseMs: 20, maxMs: 100 } } });
    const people = await testAccounts(collector);
    teamA = await teamWithSite(collector, 'Shop team');
    admin = await person(collector, people, { email: 'ana@shop.example', teamId: teamA, role: 'admin' });
    member = await person(collector, people, { email: 'max@shop.example', teamId: teamA, role: 'member' });
    viewer = await person(collector, people, { email: 'vi@shop.example', teamId: teamA, role: 'viewer' });
    teamB = (await collector.store.resources.teams.createTeam({ name: 'Other team' })).id;
    siteBKey = (await collector.store.createSite({ name: 'Other shop', origins: ['https://other.example'], teamId: teamB })).site.publicKey;
    otherAdmin = await person(collector, people, { email: 'bo@other.example', teamId: teamB, role: 'admin' });
  });
  afterAll(async () => {
    await collector?.dispose();
    await sink?.close();
  });

  const respond = async (overrides: Partial<ResponsePayload>) => {
    const payload = makePayload({ siteKey: collector.site.publicKey, ...overrides });
    expect((await collector.post(payload)).status).toBe(200);
    return payload;
  };
  const mailsTo = (address: string, subject: RegExp) => sink.received.filter((mail) => mail.to.includes(address) && subject.test(mail.subject));
  /** The mails to `address` whose subject matches, once there is one. */
  const arrived = (address: string, subject: RegExp, what: string) => until(() => mailsTo(address, subject).length ? mailsTo(address, subject) : undefined, what);
  const outboxOf = (responseId: string) => select(collector.store.db, outboxRow, 'mail_outbox', 'SELECT id, kind, state, error, to_address FROM mail_outbox WHERE response_id = ? ORDER BY created_at, id', [responseId]);
  const jobsDone = async (kind: string) =>
    (await select(collector.store.db, z.object({ n: int }), 'jobs', "SELECT COUNT(*) AS n FROM jobs WHERE kind = ? AND state IN ('queued', 'running')", [kind]))[0]?.n === 0;
  const reply = (who: Person, id: string, body: unknown = { subject: 'About your answer', body: 'Thanks for telling us.\nWe are on it.' }) =>
    who.fetch(`/v1/responses/${id}/reply`, { method: 'POST', body: JSON.stringify(body) });
  const problemOf = async (answer: Response) => errorBodySchema.parse(await answer.json()).error;
  const links = (mail: ReceivedMail) => [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');

  it('a new detractor alerts the team’s admins at once, its comment escaped, its link absolute to PUBLIC_URL; a promoter alerts nobody', async () => {
    await respond({ score: 10, comment: 'Lovely' });
    const detractor = await respond({ score: 2, comment: HOSTILE, user: { id: 'u-1', email: 'sam@customer.example', name: 'Sam' } });
    const [alert] = await arrived(admin.email, /New detractor/, 'the alert');
    await until(() => jobsDone('response.scored'), 'every scored event handled');
    expect(alert!.subject).toBe('New detractor (2/10) for Shop team');
    expect(alert!.from).toEqual(['nps@shop.example']);
    expect(alert!.text).toContain(`> ${HOSTILE}`);
    expect(alert!.html).not.toMatch(/<script|<img/);
    expect(alert!.html).toContain('&lt;script&gt;');
    expect(links(alert!)).toContain(`${collector.url}/responses/${detractor.id}`);
    for (const href of links(alert!)) expect(href.startsWith(`${collector.url}/`)).toBe(true);
    // One alert in all: admins only (no alert list), not the member or viewer, none for the promoter.
    expect(sink.received.filter((mail) => /New detractor/.test(mail.subject))).toHaveLength(1);
    expect((await outboxOf(detractor.id)).map((row) => [row.kind, row.state, row.to_address])).toEqual([['new-detractor', 'sent', admin.email]]);
  });

  it('alert recipients: an admin sets a list (audited) and new detractors go there; invalid addresses are a 400 naming them', async () => {
    expect(await (await admin.fetch('/v1/team/alert-recipients')).json()).toEqual({ emails: null });
    const bad = await admin.fetch('/v1/team/alert-recipients', { method: 'PATCH', body: JSON.stringify({ emails: ['not an address'] }) });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).issues?.map((issue) => issue.path)).toEqual(['emails.0']);
    expect((await member.fetch('/v1/team/alert-recipients', { method: 'PATCH', body: JSON.stringify({ emails: null }) })).status).toBe(403);
    const set = await admin.fetch('/v1/team/alert-recipients', { method: 'PATCH', body: JSON.stringify({ emails: ['Alerts@Shop.example'] }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ emails: ['alerts@shop.example'] });
    const detractor = await respond({ score: 0, comment: 'Broken' });
    await until(() => mailsTo('alerts@shop.example', /New detractor \(0\/10\)/).length, 'the alert to the list');
    expect(mailsTo(admin.email, /New detractor \(0\/10\)/)).toHaveLength(0);
    expect((await outboxOf(detractor.id)).map((row) => row.to_address)).toEqual(['alerts@shop.example']);
    const audit = auditPageSchema.parse(await (await admin.fetch('/v1/audit?action=mail.alert_recipients_changed')).json());
    expect(audit.items[0]?.detail).toEqual({ from: null, to: ['alerts@shop.example'] });
    expect((await admin.fetch('/v1/team/alert-recipients', { method: 'PATCH', body: JSON.stringify({ emails: null }) })).status).toBe(200);
  });

  it('a member replies from the response: sent to the respondent with Reply-To the member, in the timeline and the audit log', async () => {
    const answer = await respond({ score: 4, comment: 'Too <slow>', user: { id: 'u-2', email: 'kim@customer.example' } });
    const queued = await reply(member, answer.id);
    expect(queued.status).toBe(201);
    const { mail } = replyQueuedSchema.parse(await queued.json());
    expect(mail).toMatchObject({ kind: 'reply', to: 'kim@customer.example', replyTo: member.email, subject: 'About your answer', responseId: answer.id });
    const [sent] = await arrived('kim@customer.example', /About your answer/, 'the reply');
    expect(sent!.replyTo).toEqual([member.email]);
    expect(sent!.text).toContain('Thanks for telling us.\nWe are on it.');
    expect(sent!.html).toContain('Too &lt;slow&gt;');
    const detail = responseDetailSchema.parse(await (await viewer.fetch(`/v1/responses/${answer.id}`)).json());
    const me = z.object({ actor: z.object({ name: z.string() }) }).parse(await (await member.fetch('/v1/me')).json());
    expect(detail.timeline.at(-1)).toEqual({ kind: 'reply', at: mail.createdAt, subject: 'About your answer', author: me.actor.name });
    const audit = auditPageSchema.parse(await (await admin.fetch('/v1/audit?action=response.replied')).json());
    expect(audit.items[0]).toMatchObject({ actor: { type: 'member', id: member.userId }, target: { type: 'response', id: answer.id }, detail: { mailId: mail.id, subject: 'About your answer' } });
  });

  it('a reply goes to a consented contact email only; otherwise 400 no_address; viewers 403; another team’s response 404', async () => {
    const consented = await respond({ score: 8, contactConsent: true, contactEmail: 'lee@customer.example' });
    const unconsented = await respond({ score: 8, contactEmail: 'nope@customer.example' });
    const anonymous = await respond({ score: 8 });
    expect(replyQueuedSchema.parse(await (await reply(member, consented.id)).json()).mail.to).toBe('lee@customer.example');
    for (const id of [unconsented.id, anonymous.id]) {
      const refused = await reply(member, id);
      expect(refused.status).toBe(400);
      expect((await problemOf(refused)).code).toBe('no_address');
    }
    expect((await reply(viewer, consented.id)).status).toBe(403);
    const theirs = makePayload({ siteKey: siteBKey, score: 3, user: { id: 'u-b', email: 'their@customer.example' } });
    expect((await collector.post(theirs, { origin: 'https://other.example' })).status).toBe(200);
    expect((await reply(admin, theirs.id)).status).toBe(404);
    expect((await reply(otherAdmin, theirs.id)).status).toBe(201);
    const invalid = await reply(member, consented.id, { subject: '', body: 'x', cc: 'all' });
    expect(invalid.status).toBe(400);
    expect((await problemOf(invalid)).issues?.map((issue) => issue.path).sort()).toEqual(['cc', 'subject']);
    expect(await outboxOf(unconsented.id)).toEqual([]);
  });

  it('the SDK’s admin client replies with a v1 site key: a member of the site’s team, with no address of its own, so no Reply-To', async () => {
    const answer = await respond({ score: 5, user: { id: 'u-5', email: 'ida@customer.example' } });
    const sdk = createAdminClient({ endpoint: collector.url, token: collector.site.secretKey });
    const mail = await sdk.reply(answer.id, { subject: 'From the API', body: 'Hello' });
    expect(mail).toMatchObject({ to: 'ida@customer.example', replyTo: null, state: 'queued' });
    const [sent] = await arrived('ida@customer.example', /From the API/, 'the reply');
    expect(sent!.replyTo).toEqual([]);
    const refused = await failure(sdk.outbox());
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(403);
    expect(((await failure(sdk.mailPreferences())) as HttpError).status).toBe(403); // a key gets no mail
  });

  it('the outbox lists the team’s own mail newest first, to admins only, filtered by state', async () => {
    const page = outboxPageSchema.parse(await (await admin.fetch('/v1/outbox')).json());
    expect(page.items.length).toBeGreaterThan(2);
    expect(page.items.map((mail) => mail.createdAt)).toEqual([...page.items.map((mail) => mail.createdAt)].sort().reverse());
    expect(page.items.map((mail) => mail.to)).not.toContain('their@customer.example');
    const sent = outboxPageSchema.parse(await (await admin.fetch('/v1/outbox?state=sent&limit=2')).json()).items;
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(sent.every((mail: OutboxMail) => mail.state === 'sent' && mail.sentAt !== null)).toBe(true);
    expect((await member.fetch('/v1/outbox')).status).toBe(403);
    const bad = await admin.fetch('/v1/outbox?state=lost');
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).issues?.map((issue) => issue.path)).toEqual(['state']);
  });

  it('preferences: everything on for admins and members, off for viewers, until they choose; a bad body is a 400 naming the field', async () => {
    const of = async (who: Person) => mailPreferencesSchema.parse(await (await who.fetch('/v1/me/mail-preferences')).json());
    expect(await of(member)).toEqual({ newDetractor: true, digest: true, reminders: true });
    expect(await of(viewer)).toEqual({ newDetractor: false, digest: false, reminders: false });
    const bad = await member.fetch('/v1/me/mail-preferences', { method: 'PUT', body: JSON.stringify({ newDetractor: true, digest: 'no', reminders: true }) });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).issues?.map((issue) => issue.path)).toEqual(['digest']);
    const put = await member.fetch('/v1/me/mail-preferences', { method: 'PUT', body: JSON.stringify({ newDetractor: true, digest: false, reminders: true }) });
    expect(put.status).toBe(200);
    expect(await of(member)).toEqual({ newDetractor: true, digest: false, reminders: true });
    expect(await of(admin)).toEqual({ newDetractor: true, digest: true, reminders: true }); // someone else's choice is theirs
    const audit = auditPageSchema.parse(await (await admin.fetch('/v1/audit?action=mail.preferences_changed')).json());
    expect(audit.items[0]).toMatchObject({ actor: { id: member.userId }, detail: { digest: false } });
  });

  it('the daily job sends the digest to who wants it, reminders of what is due tomorrow to its owner and of what just went overdue to everyone who wants them — once, however often it runs', async () => {
    // The run of tomorrow (UTC) at 08:00: its digest covers today, so the responses above count.
    const day = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const owned = await respond({ score: 3, comment: 'Call me' });
    const unowned = await respond({ score: 6, comment: 'Meh' });
    const patch = (id: string, change: unknown) => member.fetch(`/v1/responses/${id}/follow-up`, { method: 'PATCH', body: JSON.stringify(change) });
    expect((await patch(owned.id, { ownerId: member.userId, dueAt: new Date(dayStart + DAY_MS + 3_600_000).toISOString() })).status).toBe(200);
    expect((await patch(unowned.id, { dueAt: new Date(dayStart + 7 * 3_600_000).toISOString() })).status).toBe(200);
    const before = sink.received.length;
    for (const key of ['first', 'again']) await enqueue(collector.store.db, { kind: MAIL_DAILY_JOB, key: `test-${key}:${day}`, payload: { day } });
    const digests = await arrived(admin.email, /new responses? on/, 'the digest');
    await until(() => mailsTo(member.email, /due tomorrow/).length && mailsTo(admin.email, /overdue/).length && mailsTo(member.email, /overdue/).length, 'the reminders');
    await until(() => jobsDone('mail.send'), 'every mail sent');
    expect(digests).toHaveLength(1);
    const today = new Date(dayStart - DAY_MS).toISOString().slice(0, 10);
    expect(digests[0]!.subject).toMatch(new RegExp(`^Shop team: \\d+ new responses on ${today}$`));
    expect(digests[0]!.text).toMatch(/Promoters: \d+\nPassives: \d+\nDetractors: \d+\nNPS -?\d/);
    expect(digests[0]!.text).toContain('Overdue follow-ups: ');
    for (const href of links(digests[0]!)) expect(href.startsWith(`${collector.url}/`)).toBe(true);
    // The member turned digests off; the viewer never had them.
    expect(mailsTo(member.email, /new responses? on/)).toHaveLength(0);
    // (their own password link, mailed when the test made them, is the only mail they had)
    expect(mailsTo(viewer.email, /^(?!Choose your onepoint password)/).length).toBe(0);
    const [due] = mailsTo(member.email, /due tomorrow/);
    expect(due!.text).toContain(`${collector.url}/responses/${owned.id}`);
    expect(due!.text).not.toContain(unowned.id);
    expect(mailsTo(admin.email, /due tomorrow/)).toHaveLength(0); // owned by the member: theirs alone
    for (const who of [admin, member]) {
      const overdue = mailsTo(who.email, /overdue/);
      expect(overdue).toHaveLength(1);
      expect(overdue[0]!.text).toContain(unowned.id);
    }
    // The second run of the same day queued nothing more.
    expect(sink.received.slice(before).filter((mail) => /new responses? on|due tomorrow|overdue/.test(mail.subject)).map((mail) => [mail.to.join(), mail.subject]).sort()).toEqual([
      [admin.email, 'Follow-ups overdue (1) for Shop team'],
      [admin.email, expect.stringMatching(/^Shop team: \d+ new responses on /)],
      // Each team its own digest.
      [otherAdmin.email, expect.stringMatching(/^Other team: 1 new response on /)],
      [member.email, 'Follow-ups due tomorrow (1) for Shop team'],
      [member.email, 'Follow-ups overdue (1) for Shop team'],
    ]);
    // And the next day's run is queued, once, whoever asks again.
    const next = nextDailyDay(Date.now());
    expect(await scheduleDaily(collector.store.db, next, Date.now())).toBe(false);
  });

  it('notifyAdmins mails each admin of the team', async () => {
    expect(await collector.store.db.transaction((tx) => notifyAdmins(tx, teamA, 'Webhook paused', 'https://hooks.example failed for 24 h.'))).toBe(1);
    const [notice] = await arrived(admin.email, /Webhook paused/, 'the notice');
    expect(notice!.text).toBe('https://hooks.example failed for 24 h.');
    expect(mailsTo(member.email, /Webhook paused/)).toHaveLength(0);
  });

  it('SMTP down, then up: the send is retried with backoff and the mail arrives once', async () => {
    sink.down = true;
    const answer = await respond({ score: 7, user: { id: 'u-3', email: 'pat@customer.example' } });
    const { mail } = replyQueuedSchema.parse(await (await reply(member, answer.id, { subject: 'Retry me', body: 'Hello' })).json());
    const failing = await until(async () => (await outboxOf(answer.id)).find((row) => row.error !== null), 'a failed attempt');
    expect(failing.state).toBe('queued');
    expect(failing.error).toMatch(/421|try again later/);
    sink.down = false;
    await until(async () => (await outboxOf(answer.id))[0]?.state === 'sent', 'the mail sent');
    const arrived = sink.received.filter((each) => each.subject === 'Retry me');
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.messageId).toBe(`<${mail.id}@shop.example>`);
    const [job] = await select(collector.store.db, jobRow, 'jobs', "SELECT state, attempts, last_error FROM jobs WHERE kind = 'mail.send' AND idempotency_key = ?", [mail.id]);
    expect(job?.state).toBe('done');
    expect(job?.attempts).toBeGreaterThan(1);
    const [limits] = await select(collector.store.db, z.object({ max_attempts: int }), 'jobs', 'SELECT max_attempts FROM jobs WHERE idempotency_key = ?', [mail.id]);
    expect(limits?.max_attempts).toBe(MAIL_SEND_ATTEMPTS); // about a day of backoff
  });

  it('a permanent refusal (5xx) marks the mail failed, with the server’s answer, and parks its job', async () => {
    sink.refused.add('gone@customer.example');
    const answer = await respond({ score: 7, user: { id: 'u-4', email: 'gone@customer.example' } });
    const { mail } = replyQueuedSchema.parse(await (await reply(member, answer.id)).json());
    const failed = await until(async () => (await outboxOf(answer.id)).find((row) => row.state === 'failed'), 'the mail failed');
    expect(failed.error).toMatch(/550/);
    // The row first, then the job: wait for the runner to record its outcome too.
    const job = await until(async () => (await select(collector.store.db, jobRow, 'jobs', "SELECT state, attempts, last_error FROM jobs WHERE kind = 'mail.send' AND idempotency_key = ? AND state = 'dead'", [mail.id]))[0], 'the job parked');
    expect(job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(job.last_error).toMatch(/PermanentJobError: the SMTP server refused the mail: .*550/);
    const listed = outboxPageSchema.parse(await (await admin.fetch('/v1/outbox?state=failed')).json()).items;
    expect(listed.map((each) => each.id)).toContain(mail.id);
    // The mailbox exists again: a member retries the dead job and the failed mail goes, once.
    sink.refused.delete('gone@customer.example');
    const [dead] = await select(collector.store.db, z.object({ id: z.string() }), 'jobs', "SELECT id FROM jobs WHERE kind = 'mail.send' AND idempotency_key = ?", [mail.id]);
    expect((await member.fetch(`/v1/jobs/${dead!.id}/retry`, { method: 'POST' })).status).toBe(200);
    await until(async () => (await outboxOf(answer.id))[0]?.state === 'sent', 'the retried mail sent');
    expect(mailsTo('gone@customer.example', /About your answer/)).toHaveLength(1);
    expect((await outboxOf(answer.id))[0]?.error).toBeNull();
  });

  it('an advocacy template goes to promoters only: for anyone else nothing is queued', async () => {
    const ask = { teamId: teamA, kind: 'reply' as const, to: 'p@customer.example', subject: 'Would you review us?', text: 'Please', html: '<p>Please</p>', advocacy: true, dedupeKey: `advocacy-${name}` };
    for (const segment of ['detractor', 'passive', undefined] as const) {
      await expect(collector.store.db.transaction((tx) => queueMail(tx, { ...ask, ...(segment ? { segment } : {}) }))).rejects.toBeInstanceOf(AdvocacyRefusedError);
    }
    expect(await select(collector.store.db, outboxRow, 'mail_outbox', 'SELECT id, kind, state, error, to_address FROM mail_outbox WHERE dedupe_key = ?', [ask.dedupeKey])).toEqual([]);
    const queued = await collector.store.db.transaction((tx) => queueMail(tx, { ...ask, segment: 'promoter' }));
    expect(queued?.state).toBe('queued');
  });
});

describe.each(ENGINES)('mail without SMTP_URL on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let collector: TestCollector;
  let admin: Person;
  beforeAll(async () => {
    collector = await startTestCollector(name, { jobs: { pollMs: 20 } });
    const people = await testAccounts(collector);
    const team = await teamWithSite(collector);
    admin = await person(collector, people, { email: 'ana@shop.example', teamId: team, role: 'admin' });
  });
  afterAll(() => collector?.dispose());

  it('keeps every mail in the outbox, saying why it was not sent, and the daily job is scheduled once', async () => {
    const payload = makePayload({ siteKey: collector.site.publicKey, score: 1, user: { id: 'u-9', email: 'kim@customer.example' } });
    expect((await collector.post(payload)).status).toBe(200);
    const queued = await admin.fetch(`/v1/responses/${payload.id}/reply`, { method: 'POST', body: JSON.stringify({ subject: 'Hi', body: 'Sorry' }) });
    expect(queued.status).toBe(201);
    const kept = await until(async () => {
      // The people's own password links (mailed when the test made them) aside.
      const items = outboxPageSchema.parse(await (await admin.fetch('/v1/outbox?state=kept')).json()).items.filter((mail) => mail.kind !== 'account-link');
      return items.length === 2 ? items : undefined;
    }, 'the alert and the reply kept');
    expect(kept.map((mail) => [mail.kind, mail.to, mail.error, mail.sentAt]).sort()).toEqual([
      ['new-detractor', 'ana@shop.example', NO_SMTP, null],
      ['reply', 'kim@customer.example', NO_SMTP, null],
    ]);
    const daily = await select(collector.store.db, z.object({ idempotency_key: z.string() }), 'jobs', 'SELECT idempotency_key FROM jobs WHERE kind = ?', [MAIL_DAILY_JOB]);
    expect(daily.map((job) => job.idempotency_key)).toEqual([`${MAIL_DAILY_JOB}:${nextDailyDay(Date.now())}`]);
  });
});
