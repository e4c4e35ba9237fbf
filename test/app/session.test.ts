import { describe, expect, it } from 'vitest';
import { createSession } from '../../app/models/session.ts';
import { toFailure } from '../../app/models/failure.ts';
import { makeMe } from '../helpers/team-fixtures.ts';
import { deferred, httpError, offline, recorder } from './fakes.ts';

describe('session', () => {
  it('load: signed in as who /v1/me says, in which team and role; isAdmin follows the role', async () => {
    const { calls, record } = recorder();
    const session = createSession({ client: { me: record('me', async () => makeMe({ role: 'viewer' })), switchTeam: async () => makeMe(), signOut: async () => undefined, signOutEverywhere: async () => undefined } });
    expect(session.access.value).toEqual({ state: 'loading' });
    await session.load();
    expect(session.access.value).toEqual({ state: 'signed-in', role: 'viewer' });
    expect(session.me.value?.team.name).toBe('Acme support');
    expect(session.isAdmin.value).toBe(false);
    expect(calls).toEqual([['me', []]]);
  });

  it('a 401 is simply signed out, with no failure; offline stays loading with the failure to retry from', async () => {
    let answer: () => Promise<ReturnType<typeof makeMe>> = () => Promise.reject(httpError(401, 'unauthorized'));
    const session = createSession({ client: { me: () => answer(), switchTeam: async () => makeMe(), signOut: async () => undefined, signOutEverywhere: async () => undefined } });
    await session.load();
    expect(session.access.value).toEqual({ state: 'signed-out' });
    expect(session.failure.value).toBeUndefined();

    const other = createSession({ client: { me: () => answer(), switchTeam: async () => makeMe(), signOut: async () => undefined, signOutEverywhere: async () => undefined } });
    answer = () => Promise.reject(offline());
    await other.load();
    expect(other.access.value).toEqual({ state: 'loading' });
    expect(other.failure.value).toEqual({ kind: 'offline' });
    answer = async () => makeMe();
    await other.load();
    expect(other.access.value).toEqual({ state: 'signed-in', role: 'admin' });
    expect(other.failure.value).toBeUndefined();
  });

  it('switchTeam: the team and role the collector answers for the new team; the same team asks nothing', async () => {
    const { calls, record } = recorder();
    const beta = makeMe({ team: { id: 'team-2', name: 'Beta', slaDays: 7, createdAt: '2026-11-01T09:00:00.000Z' }, role: 'member' });
    const session = createSession({ client: { me: async () => makeMe(), switchTeam: record('switchTeam', async () => beta), signOut: async () => undefined, signOutEverywhere: async () => undefined } });
    await session.load();
    await session.switchTeam('team-1');
    await session.switchTeam('team-2');
    expect(calls).toEqual([['switchTeam', ['team-2']]]);
    expect(session.me.value?.team.name).toBe('Beta');
    expect(session.access.value).toEqual({ state: 'signed-in', role: 'member' });
  });

  it('signOut and signOutEverywhere end in signed out (a 401 too: it had ended already); a failed one stays signed in with its failure', async () => {
    const { calls, record } = recorder();
    let signOut: () => Promise<void> = () => Promise.reject(offline());
    const session = createSession({ client: { me: async () => makeMe(), switchTeam: async () => makeMe(), signOut: record('signOut', () => signOut()), signOutEverywhere: record('everywhere', async () => undefined) } });
    await session.load();
    await session.signOut();
    expect(session.access.value.state).toBe('signed-in');
    expect(session.failure.value).toEqual({ kind: 'offline' });
    signOut = () => Promise.reject(httpError(401));
    await session.signOut();
    expect(session.access.value).toEqual({ state: 'signed-out' });
    expect(session.me.value).toBeUndefined();
    await session.load();
    await session.signOutEverywhere();
    expect(session.access.value).toEqual({ state: 'signed-out' });
    expect(calls.map(([name]) => name)).toEqual(['signOut', 'signOut', 'everywhere']);
  });

  it('after dispose a late answer changes nothing', async () => {
    const late = deferred<ReturnType<typeof makeMe>>();
    const session = createSession({ client: { me: () => late.promise, switchTeam: async () => makeMe(), signOut: async () => undefined, signOutEverywhere: async () => undefined } });
    const loading = session.load();
    session.dispose();
    late.resolve(makeMe());
    await loading;
    expect(session.access.value).toEqual({ state: 'loading' });
  });

  it('loading again after a 401 elsewhere: signed out when /v1/me says so too', async () => {
    let me: () => Promise<ReturnType<typeof makeMe>> = async () => makeMe();
    const session = createSession({ client: { me: () => me(), switchTeam: async () => makeMe(), signOut: async () => undefined, signOutEverywhere: async () => undefined } });
    await session.load();
    me = () => Promise.reject(httpError(401));
    await session.load();
    expect(session.access.value).toEqual({ state: 'signed-out' });
    expect(session.me.value).toBeUndefined();
  });
});

describe('toFailure', () => {
  it('reads the SDK’s errors by name: HTTP status, code, message and Retry-After in whole seconds; offline; anything else unexpected', () => {
    expect(toFailure(httpError(429, 'rate_limited', 41_200))).toEqual({ kind: 'http', status: 429, code: 'rate_limited', message: 'rate_limited happened', retryAfterSeconds: 42, issues: [] });
    expect(toFailure(httpError(500))).toMatchObject({ kind: 'http', status: 500, code: undefined });
    expect(toFailure(offline())).toEqual({ kind: 'offline' });
    expect(toFailure(new Error('boom'))).toEqual({ kind: 'unexpected', message: 'boom' });
    expect(toFailure('weird')).toEqual({ kind: 'unexpected', message: 'weird' });
  });
});
