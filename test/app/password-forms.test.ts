import { describe, expect, it } from 'vitest';
import { createAcceptInvitation } from '../../app/models/accept-invitation.ts';
import { createChangePasswordForm } from '../../app/models/change-password-form.ts';
import { createResetPasswordForm } from '../../app/models/reset-password-form.ts';
import { httpError, recorder } from './fakes.ts';

const lookup = (needsPassword: boolean) => ({ email: 'new@team.example', teamName: 'Acme support', role: 'member' as const, needsPassword, expiresAt: '2026-11-21T09:00:00.000Z' });

describe('reset password', () => {
  it('too short is said before sending; the collector’s password_too_common next to the field; then done', async () => {
    const { calls, record } = recorder();
    let answer: () => Promise<void> = () => Promise.reject(httpError(400, 'password_too_common'));
    const form = createResetPasswordForm({ client: { resetPassword: record('reset', () => answer()) }, token: 'rt' });
    form.password.value = 'short';
    await form.submit();
    expect(form.problem.value).toBe('password_too_short');
    expect(calls).toEqual([]);
    form.password.value = 'password1234';
    await form.submit();
    expect(form.problem.value).toBe('password_too_common');
    expect(form.failure.value).toBeUndefined();
    answer = async () => undefined;
    form.password.value = 'a much better passphrase';
    await form.submit();
    expect(form.done.value).toBe(true);
    expect(form.problem.value).toBeUndefined();
    expect(calls.map(([, args]) => args)).toEqual([[{ token: 'rt', newPassword: 'password1234' }], [{ token: 'rt', newPassword: 'a much better passphrase' }]]);
  });

  it('an expired or used link is a failure, not a password problem; without a token nothing is sent', async () => {
    const form = createResetPasswordForm({ client: { resetPassword: () => Promise.reject(httpError(400, 'INVALID_TOKEN')) }, token: 'rt' });
    form.password.value = 'a much better passphrase';
    await form.submit();
    expect(form.problem.value).toBeUndefined();
    expect(form.failure.value).toMatchObject({ status: 400, code: 'INVALID_TOKEN' });
    const { calls, record } = recorder();
    const none = createResetPasswordForm({ client: { resetPassword: record('reset', async () => undefined) }, token: undefined });
    expect(none.hasToken).toBe(false);
    await none.submit();
    expect(calls).toEqual([]);
  });

  it('better-auth’s own capitalised code counts as the rule too', async () => {
    const form = createResetPasswordForm({ client: { resetPassword: () => Promise.reject(httpError(400, 'PASSWORD_TOO_SHORT')) }, token: 'rt' });
    form.password.value = 'twelve chars';
    await form.submit();
    expect(form.problem.value).toBe('password_too_short');
  });
});

describe('change password', () => {
  it('sends current and new, clears both when done; the collector’s rule shows on the field', async () => {
    const { calls, record } = recorder();
    let answer: () => Promise<void> = () => Promise.reject(httpError(400, 'password_too_common'));
    const form = createChangePasswordForm({ client: { changePassword: record('change', () => answer()) } });
    form.current.value = 'old password';
    form.next.value = 'password1234';
    await form.submit();
    expect(form.problem.value).toBe('password_too_common');
    answer = async () => undefined;
    form.next.value = 'a much better passphrase';
    await form.submit();
    expect(form.done.value).toBe(true);
    expect([form.current.value, form.next.value]).toEqual(['', '']);
    expect(calls[1]).toEqual(['change', [{ currentPassword: 'old password', newPassword: 'a much better passphrase' }]]);
  });
});

describe('accept invitation', () => {
  it('someone new: the link’s team and email, then name + password, accepted, signed in with that email and password, in the app', async () => {
    const { calls, record } = recorder();
    const model = createAcceptInvitation({
      client: {
        lookupInvitation: record('lookup', async () => lookup(true)),
        acceptInvitation: record('accept', async () => ({ email: 'new@team.example', teamId: 'team-1' })),
        signIn: record('signIn', async () => ({ user: { id: 'u', email: 'new@team.example', name: 'Nia' } })),
      },
      token: 'it',
      onSignedIn: record('onSignedIn', () => undefined),
      onAccepted: record('onAccepted', () => undefined),
    });
    await model.load();
    expect(model.invitation.value?.teamName).toBe('Acme support');
    model.name.value = ' Nia ';
    model.password.value = 'short';
    await model.submit();
    expect(model.problem.value).toBe('password_too_short');
    model.password.value = 'a much better passphrase';
    await model.submit();
    expect(calls).toEqual([
      ['lookup', ['it']],
      ['accept', [{ token: 'it', name: 'Nia', password: 'a much better passphrase' }]],
      ['signIn', [{ email: 'new@team.example', password: 'a much better passphrase' }]],
      ['onSignedIn', []],
    ]);
  });

  it('someone with a password already: accepted with the token alone, then onAccepted with their email', async () => {
    const { calls, record } = recorder();
    const model = createAcceptInvitation({
      client: { lookupInvitation: async () => lookup(false), acceptInvitation: record('accept', async () => ({ email: 'new@team.example', teamId: 'team-1' })), signIn: record('signIn', async () => ({ user: { id: 'u', email: '', name: '' } })) },
      token: 'it',
      onSignedIn: record('onSignedIn', () => undefined),
      onAccepted: record('onAccepted', () => undefined),
    });
    await model.load();
    await model.submit();
    expect(calls).toEqual([
      ['accept', [{ token: 'it' }]],
      ['onAccepted', ['new@team.example']],
    ]);
  });

  it('an expired link is a lookup failure and nothing can be sent; the collector’s password rule shows on the field', async () => {
    const expired = createAcceptInvitation({ client: { lookupInvitation: () => Promise.reject(httpError(410, 'invitation_expired')), acceptInvitation: async () => ({ email: '', teamId: '' }), signIn: async () => ({ user: { id: '', email: '', name: '' } }) }, token: 'it', onSignedIn: () => undefined, onAccepted: () => undefined });
    await expired.load();
    expect(expired.lookupFailure.value).toMatchObject({ status: 410, code: 'invitation_expired' });
    await expired.submit();
    expect(expired.busy.value).toBe(false);

    const common = createAcceptInvitation({ client: { lookupInvitation: async () => lookup(true), acceptInvitation: () => Promise.reject(httpError(400, 'password_too_common')), signIn: async () => ({ user: { id: '', email: '', name: '' } }) }, token: 'it', onSignedIn: () => undefined, onAccepted: () => undefined });
    await common.load();
    common.password.value = 'password1234';
    await common.submit();
    expect(common.problem.value).toBe('password_too_common');
    expect(common.failure.value).toBeUndefined();
  });
});
