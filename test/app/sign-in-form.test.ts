import { describe, expect, it } from 'vitest';
import { createSignInForm } from '../../app/models/sign-in-form.ts';
import { httpError, recorder } from './fakes.ts';

describe('sign-in form', () => {
  it('signs in with the trimmed email and the password, forgets the password, then onSignedIn', async () => {
    const { calls, record } = recorder();
    const form = createSignInForm({ client: { signIn: record('signIn', async () => ({ user: { id: 'u', email: 'ada@team.example', name: 'Ada' } })), requestPasswordReset: async () => undefined }, onSignedIn: record('onSignedIn', () => undefined) });
    form.email.value = ' ada@team.example ';
    form.password.value = 'correct horse battery';
    await form.submit();
    expect(calls).toEqual([
      ['signIn', [{ email: 'ada@team.example', password: 'correct horse battery' }]],
      ['onSignedIn', []],
    ]);
    expect(form.password.value).toBe('');
    expect(form.failure.value).toBeUndefined();
  });

  it('wrong credentials: a 401 failure, still signed out; throttled: the wait in seconds from Retry-After', async () => {
    let error = httpError(401, 'INVALID_EMAIL_OR_PASSWORD');
    const { calls, record } = recorder();
    const form = createSignInForm({ client: { signIn: () => Promise.reject(error), requestPasswordReset: async () => undefined }, onSignedIn: record('onSignedIn', () => undefined) });
    form.email.value = 'ada@team.example';
    form.password.value = 'nope';
    await form.submit();
    expect(form.failure.value).toMatchObject({ kind: 'http', status: 401 });
    error = httpError(429, 'rate_limited', 30_000);
    await form.submit();
    expect(form.failure.value).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 30 });
    expect(form.password.value).toBe('nope');
    expect(calls).toEqual([]);
  });

  it('forgot password: asks for a link with the email, then the same neutral answer; back to sign-in clears the failure', async () => {
    const { calls, record } = recorder();
    const form = createSignInForm({ client: { signIn: () => Promise.reject(httpError(401)), requestPasswordReset: record('reset', async () => undefined) }, onSignedIn: () => undefined, email: 'ada@team.example' });
    await form.submit();
    form.showForgot();
    expect(form.mode.value).toBe('forgot');
    expect(form.failure.value).toBeUndefined();
    await form.requestReset();
    expect(calls).toEqual([['reset', [{ email: 'ada@team.example' }]]]);
    expect(form.resetRequested.value).toBe(true);
    form.showSignIn();
    expect(form.mode.value).toBe('sign-in');
  });
});
