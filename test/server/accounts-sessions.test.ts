import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountsSetup } from '../../server/accounts.ts';
import { argon2Hasher, type PasswordHasher } from '../../server/auth/password-hash.ts';
import { appHeaders, GOOD_PASSWORD, person, sessionCookie, signIn, teamWithSite, testAccounts, type Person } from '../helpers/accounts.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';

/** argon2id, counting its calls: what a sign-in did is what it cost. */
function countingHasher() {
  const calls = { hash: 0, verify: 0 };
  const hasher: PasswordHasher = {
    hash: (password) => (calls.hash++, argon2Hasher.hash(password)),
    verify: (input) => (calls.verify++, argon2Hasher.verify(input)),
  };
  return { calls, hasher };
}

describe.each(ENGINES)('sessions on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  const clock = { offset: 0 };
  const counting = countingHasher();
  let collector: TestCollector;
  let people: AccountsSetup;
  let teamId: string;
  let ana: Person;
  beforeAll(async () => {
    collector = await startTestCollector(name, { hasher: counting.hasher, now: () => Date.now() + clock.offset });
    people = await testAccounts(collector);
    teamId = await teamWithSite(collector);
    ana = await person(collector, people, { email: 'ana@example.com', teamId, role: 'admin' });
  });
  afterAll(() => collector.dispose());
  afterEach(() => {
    clock.offset = 0;
    vi.useRealTimers();
  });

  it('signs in with email and password, reads who it is, signs out, and the cookie is dead', async () => {
    const me = await ana.fetch('/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: 'ana@example.com' }, role: 'admin', team: { id: teamId }, actor: { type: 'member', id: ana.userId } });
    const second = await signIn(collector, 'ana@example.com', GOOD_PASSWORD);
    const cookie = sessionCookie(second);
    expect(cookie).toBeDefined();
    const out = await fetch(`${collector.url}/api/auth/sign-out`, { method: 'POST', headers: appHeaders(collector, cookie), body: '{}' });
    expect(out.status).toBe(200);
    expect((await fetch(`${collector.url}/v1/me`, { headers: { cookie: cookie ?? '' } })).status).toBe(401);
    expect((await ana.fetch('/v1/me')).status).toBe(200); // the other session lives on
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, not Secure over http', async () => {
    const answer = await signIn(collector, 'ana@example.com', GOOD_PASSWORD);
    const header = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('onepoint.session_token='));
    expect(header).toBeDefined();
    const flags = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
    expect(flags).toContain('httponly');
    expect(flags).toContain('samesite=lax');
    expect(flags).toContain('path=/');
    expect(flags).not.toContain('secure');
  });

  it('a session cookie planted before sign-in is never the session after it (fixation)', async () => {
    const planted = 'onepoint.session_token=attacker-chosen-value';
    const answer = await fetch(`${collector.url}/api/auth/sign-in/email`, { method: 'POST', headers: appHeaders(collector, planted), body: JSON.stringify({ email: 'ana@example.com', password: GOOD_PASSWORD }) });
    expect(answer.status).toBe(200);
    const issued = sessionCookie(answer);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await fetch(`${collector.url}/v1/me`, { headers: { cookie: planted } })).status).toBe(401);
    expect((await fetch(`${collector.url}/v1/me`, { headers: { cookie: issued ?? '' } })).status).toBe(200);
  });

  it('refuses changes by cookie from another origin, without an origin, or without the CSRF header', async () => {
    const change = (headers: Record<string, string>) => fetch(`${collector.url}/v1/team`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie: ana.cookie, ...headers }, body: JSON.stringify({ slaDays: 3 }) });
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example', 'x-onepoint-csrf': '1' }, { 'x-onepoint-csrf': '1' }, { origin: new URL(collector.url).origin }];
    for (const headers of attempts) {
      const answer = await change(headers);
      expect(answer.status).toBe(403);
      expect((await answer.json()).error.code).toBe('csrf');
    }
    const login = await fetch(`${collector.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'x-onepoint-csrf': '1' }, body: JSON.stringify({ email: 'ana@example.com', password: GOOD_PASSWORD }) });
    expect(login.status).toBe(403); // no login CSRF either
    expect((await ana.fetch('/v1/team')).status).toBe(200);
    expect((await ana.fetch('/v1/team', { method: 'PATCH', body: JSON.stringify({ slaDays: 3 }) })).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password, and hashes once for each', async () => {
    const before = { ...counting.calls };
    const unknown = await signIn(collector, 'nobody@example.com', 'some long password here');
    const afterUnknown = { ...counting.calls };
    const wrong = await signIn(collector, 'ana@example.com', 'some long password here');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    // The same work either way: one argon2id hash for the unknown email, one verify for the wrong password.
    expect(afterUnknown.hash - before.hash + (afterUnknown.verify - before.verify)).toBe(1);
    expect(counting.calls.hash - afterUnknown.hash + (counting.calls.verify - afterUnknown.verify)).toBe(1);
  });

  it('throttles 20 wrong passwords per account with growing waits, answered before any hashing', async () => {
    const ben = await person(collector, people, { email: 'ben@example.com', teamId, role: 'member' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) statuses.push((await signIn(collector, ben.email, `wrong password number ${attempt}`)).status);
    // 5 free failures, the 6th starts a wait, and every attempt during the wait is refused unread.
    expect(statuses).toEqual([...Array(6).fill(401), ...Array(14).fill(429)]);
    const hashesBefore = counting.calls.verify + counting.calls.hash;
    const right = await signIn(collector, ben.email, GOOD_PASSWORD);
    expect(right.status).toBe(429); // even the right password waits: nothing to learn from the answer
    expect(counting.calls.verify + counting.calls.hash).toBe(hashesBefore);
    // Each further failure doubles the wait.
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const blocked = await signIn(collector, ben.email, GOOD_PASSWORD);
      const wait = Number(blocked.headers.get('retry-after'));
      waits.push(wait);
      clock.offset += wait * 1000 + 10;
      expect((await signIn(collector, ben.email, `still wrong ${round}`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    clock.offset += 60 * 1000;
    expect((await signIn(collector, ben.email, GOOD_PASSWORD)).status).toBe(200);
    // Another account from the same address is not blocked by ben's failures.
    expect((await signIn(collector, 'ana@example.com', GOOD_PASSWORD)).status).toBe(200);
  });

  it('signs out everywhere: every session of the person dies', async () => {
    const dee = await person(collector, people, { email: 'dee@example.com', teamId, role: 'member' });
    const other = sessionCookie(await signIn(collector, dee.email, GOOD_PASSWORD));
    const everywhere = await dee.fetch('/api/auth/revoke-sessions', { method: 'POST', body: '{}' });
    expect(everywhere.status).toBe(200);
    expect((await dee.fetch('/v1/me')).status).toBe(401);
    expect((await fetch(`${collector.url}/v1/me`, { headers: { cookie: other ?? '' } })).status).toBe(401);
  });

  it('changes the password only to one the policy takes, and other sessions end', async () => {
    const eve = await person(collector, people, { email: 'eve@example.com', teamId, role: 'member' });
    const other = sessionCookie(await signIn(collector, eve.email, GOOD_PASSWORD));
    const weak = await eve.fetch('/api/auth/change-password', { method: 'POST', body: JSON.stringify({ currentPassword: GOOD_PASSWORD, newPassword: 'password1234', revokeOtherSessions: true }) });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.code).toBe('password_too_common');
    const short = await eve.fetch('/api/auth/change-password', { method: 'POST', body: JSON.stringify({ currentPassword: GOOD_PASSWORD, newPassword: 'short one', revokeOtherSessions: true }) });
    expect((await short.json()).error.code).toBe('password_too_short');
    const changed = await eve.fetch('/api/auth/change-password', { method: 'POST', body: JSON.stringify({ currentPassword: GOOD_PASSWORD, newPassword: 'a quiet orchard by the sea', revokeOtherSessions: true }) });
    expect(changed.status).toBe(200);
    expect((await fetch(`${collector.url}/v1/me`, { headers: { cookie: other ?? '' } })).status).toBe(401);
    expect((await signIn(collector, eve.email, GOOD_PASSWORD)).status).toBe(401);
    expect((await signIn(collector, eve.email, 'a quiet orchard by the sea')).status).toBe(200);
  });

  it('ends a session a week after sign-in however busy it is (absolute expiry)', async () => {
    const fay = await person(collector, people, { email: 'fay@example.com', teamId, role: 'viewer' });
    clock.offset = 6 * 24 * 3600 * 1000;
    expect((await fay.fetch('/v1/me')).status).toBe(200);
    clock.offset = 7 * 24 * 3600 * 1000 + 1000;
    const late = await fay.fetch('/v1/me');
    expect(late.status).toBe(401);
    expect((await late.json()).error.code).toBe('session_expired');
    clock.offset = 0;
    expect((await fay.fetch('/v1/me')).status).toBe(401); // revoked, not just refused
  });

  it('ends a session left unused for a day (idle expiry)', async () => {
    const gus = await person(collector, people, { email: 'gus@example.com', teamId, role: 'viewer' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3600 * 1000 });
    expect((await gus.fetch('/v1/me')).status).toBe(401);
  });

  it('offers only the allow-listed better-auth endpoints: no public sign-up', async () => {
    const signUp = await fetch(`${collector.url}/api/auth/sign-up/email`, { method: 'POST', headers: appHeaders(collector), body: JSON.stringify({ email: 'x@example.com', password: GOOD_PASSWORD, name: 'x' }) });
    expect(signUp.status).toBe(404);
    expect((await fetch(`${collector.url}/api/auth/list-users`)).status).toBe(404);
  });

  it('throttles one address trying many accounts (20 failures free, then a wait)', async () => {
    clock.offset += 16 * 60 * 1000; // a quiet quarter of an hour: earlier failures are forgotten
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++) statuses.push((await signIn(collector, `guess-${attempt}@example.com`, 'a guessed password here')).status);
    expect(statuses).toEqual([...Array(21).fill(401), ...Array(4).fill(429)]);
    expect((await signIn(collector, 'ana@example.com', GOOD_PASSWORD)).status).toBe(429);
  });
});

describe('sessions behind https (PUBLIC_URL)', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector('sqlite', { publicUrl: 'https://nps.example' });
  });
  afterAll(() => collector.dispose());

  it('sets a Secure, __Secure- prefixed, HttpOnly, SameSite=Lax cookie and trusts only the public origin', async () => {
    const people = await testAccounts(collector);
    const teamId = await teamWithSite(collector);
    const { link } = await people.accounts.addUser({ email: 'sec@example.com', teamId, role: 'admin' });
    const headers = { 'content-type': 'application/json', origin: 'https://nps.example', 'x-onepoint-csrf': '1' };
    const token = new URL(link).searchParams.get('token');
    expect((await fetch(`${collector.url}/api/auth/reset-password`, { method: 'POST', headers, body: JSON.stringify({ token, newPassword: GOOD_PASSWORD }) })).status).toBe(200);
    const answer = await fetch(`${collector.url}/api/auth/sign-in/email`, { method: 'POST', headers, body: JSON.stringify({ email: 'sec@example.com', password: GOOD_PASSWORD }) });
    expect(answer.status).toBe(200);
    const header = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('__Secure-onepoint.session_token='));
    expect(header).toBeDefined();
    const flags = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    const cookie = (header ?? '').split(';')[0] ?? '';
    const invited = await fetch(`${collector.url}/v1/invitations`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify({ email: 'new@example.com', role: 'viewer' }) });
    expect((await invited.json()).link).toMatch(/^https:\/\/nps\.example\/invite\?token=/);
    const fromLocal = await fetch(`${collector.url}/api/auth/sign-in/email`, { method: 'POST', headers: { ...headers, origin: collector.url }, body: JSON.stringify({ email: 'sec@example.com', password: GOOD_PASSWORD }) });
    expect(fromLocal.status).toBe(403);
  });
});
