import { describe, expect, it } from 'vitest';
import { createRouter, parseRoute, routeUrl } from '../../app/models/router.ts';
import { redirectFor } from '../../app/models/guard.ts';
import { fakeHistory } from './fake-client.ts';

describe('parseRoute and routeUrl', () => {
  it('reads every screen’s path, the link pages’ token, and takes / and unknown paths for the inbox', () => {
    expect(parseRoute('/', '')).toEqual({ screen: 'inbox' });
    expect(parseRoute('/members/', '')).toEqual({ screen: 'members' });
    expect(parseRoute('/nowhere', '')).toEqual({ screen: 'inbox' });
    expect(parseRoute('/invite', '?token=a%2Bb')).toEqual({ screen: 'invite', token: 'a+b' });
    expect(parseRoute('/reset-password', '')).toEqual({ screen: 'reset-password' });
    // A token elsewhere means nothing.
    expect(parseRoute('/audit', '?token=x')).toEqual({ screen: 'audit' });
    expect(routeUrl({ screen: 'invite', token: 'a+b' })).toBe('/invite?token=a%2Bb');
    expect(routeUrl({ screen: 'tokens' })).toBe('/tokens');
    // The inbox's filters, and one response with the list it was opened from.
    expect(parseRoute('/inbox', '?segment=passive&trait.plan=pro')).toEqual({ screen: 'inbox', query: { segment: 'passive', 'trait.plan': 'pro' } });
    expect(parseRoute('/response', '?id=r1&segment=passive')).toEqual({ screen: 'response', id: 'r1', query: { segment: 'passive' } });
    expect(parseRoute('/response', '?segment=passive')).toEqual({ screen: 'inbox', query: { segment: 'passive' } });
    expect(routeUrl({ screen: 'response', id: 'r 1', query: { q: 'école' } })).toBe('/response?id=r+1&q=%C3%A9cole');
    expect(routeUrl(parseRoute('/inbox', '?overdue=true&sort=due'))).toBe('/inbox?overdue=true&sort=due');
  });
});

describe('createRouter', () => {
  it('go pushes a history entry, replace does not; back and forward follow the address bar; dispose stops listening', () => {
    const history = fakeHistory('/sign-in');
    const router = createRouter(history.port);
    expect(router.route.value).toEqual({ screen: 'sign-in' });
    router.go({ screen: 'members' });
    router.go({ screen: 'members' });
    router.replace({ screen: 'audit' });
    expect(history.entries).toEqual(['/sign-in', '/audit']);
    expect(router.route.value).toEqual({ screen: 'audit' });
    history.back();
    expect(router.route.value).toEqual({ screen: 'sign-in' });
    router.dispose();
    expect(history.listening()).toBe(false);
  });
});

describe('redirectFor', () => {
  it('signed out: app screens go to sign-in, link pages stay; signed in: sign-in goes to the inbox, admin screens too for non-admins', () => {
    expect(redirectFor({ screen: 'members' }, { state: 'loading' })).toBeUndefined();
    expect(redirectFor({ screen: 'inbox' }, { state: 'signed-out' })).toEqual({ screen: 'sign-in' });
    expect(redirectFor({ screen: 'invite', token: 't' }, { state: 'signed-out' })).toBeUndefined();
    expect(redirectFor({ screen: 'reset-password' }, { state: 'signed-out' })).toBeUndefined();
    expect(redirectFor({ screen: 'sign-in' }, { state: 'signed-in', role: 'viewer' })).toEqual({ screen: 'inbox' });
    expect(redirectFor({ screen: 'tokens' }, { state: 'signed-in', role: 'member' })).toEqual({ screen: 'inbox' });
    expect(redirectFor({ screen: 'audit' }, { state: 'signed-in', role: 'viewer' })).toEqual({ screen: 'inbox' });
    expect(redirectFor({ screen: 'members' }, { state: 'signed-in', role: 'viewer' })).toBeUndefined();
    expect(redirectFor({ screen: 'audit' }, { state: 'signed-in', role: 'admin' })).toBeUndefined();
    expect(redirectFor({ screen: 'invite', token: 't' }, { state: 'signed-in', role: 'admin' })).toBeUndefined();
  });
});
