import { describe, expect, it } from 'vitest';
import { createAudit } from '../../app/models/audit.ts';
import { createInvitations } from '../../app/models/invitations.ts';
import { createMembers } from '../../app/models/members.ts';
import { createTokens } from '../../app/models/tokens.ts';
import type { AuditEntry, Invitation } from '../../sdk/index.ts';
import { makeRecord } from '../helpers/admin-fixtures.ts';
import { makeAuditEntry, makeInvitation, makeMember, makeToken } from '../helpers/team-fixtures.ts';
import { deferred, httpError, makeStats, recorder } from './fakes.ts';

describe('members', () => {
  it('loads the list; changeRole replaces the member with the answer; removal waits for the confirmation', async () => {
    const { calls, record } = recorder();
    const mo = makeMember();
    const members = createMembers({
      client: {
        members: async () => [makeMember({ userId: 'user-1', name: 'Ada', role: 'admin' }), mo],
        updateMember: record('update', async (_id: string, change: { role: 'viewer' | 'member' | 'admin' }) => ({ ...mo, role: change.role })),
        removeMember: record('remove', async () => undefined),
        resetLink: async () => ({ link: 'http://c/reset-password?token=r', expiresAt: '2026-11-21T09:00:00.000Z' }),
      },
    });
    await members.load();
    expect(members.items.value.map((member) => member.role)).toEqual(['admin', 'member']);
    await members.changeRole('user-2', 'viewer');
    expect(members.items.value[1]?.role).toBe('viewer');
    members.askRemoval('user-2');
    members.cancelRemoval();
    await members.confirmRemoval();
    expect(calls.map(([name]) => name)).toEqual(['update']);
    members.askRemoval('user-2');
    await members.confirmRemoval();
    expect(calls.at(-1)).toEqual(['remove', ['user-2']]);
    expect(members.items.value.map((member) => member.userId)).toEqual(['user-1']);
    expect(members.confirmingRemoval.value).toBeUndefined();
    await members.makeResetLink('user-1');
    expect(members.resetLink.value).toEqual({ userId: 'user-1', link: 'http://c/reset-password?token=r', expiresAt: '2026-11-21T09:00:00.000Z' });
  });

  it('the last admin: 409 is the action’s failure and the list stays as it was', async () => {
    const ada = makeMember({ userId: 'user-1', role: 'admin' });
    const members = createMembers({ client: { members: async () => [ada], updateMember: () => Promise.reject(httpError(409, 'last_admin')), removeMember: () => Promise.reject(httpError(409, 'last_admin')), resetLink: async () => ({ link: '', expiresAt: '' }) } });
    await members.load();
    await members.changeRole('user-1', 'viewer');
    expect(members.failure.value).toMatchObject({ status: 409, code: 'last_admin' });
    members.askRemoval('user-1');
    await members.confirmRemoval();
    expect(members.items.value).toEqual([ada]);
  });
});

describe('invitations', () => {
  it('invite: the trimmed email and role, the link to copy, the invitation listed first, the field emptied; revoke removes it', async () => {
    const { calls, record } = recorder();
    const fresh = makeInvitation({ id: 'inv-2', email: 'nia@team.example', role: 'admin' });
    const invitations = createInvitations({
      client: { invitations: async () => [makeInvitation()], invite: record('invite', async () => ({ invitation: fresh, link: 'http://c/invite?token=i' })), revokeInvitation: record('revoke', async () => undefined) },
    });
    await invitations.load();
    invitations.email.value = ' nia@team.example ';
    invitations.role.value = 'admin';
    await invitations.invite();
    expect(invitations.created.value).toEqual({ email: 'nia@team.example', link: 'http://c/invite?token=i' });
    expect(invitations.items.value.map((item) => item.id)).toEqual(['inv-2', 'inv-1']);
    expect(invitations.email.value).toBe('');
    await invitations.revoke('inv-1');
    expect(invitations.items.value.map((item) => item.id)).toEqual(['inv-2']);
    expect(calls).toEqual([
      ['invite', [{ email: 'nia@team.example', role: 'admin' }]],
      ['revoke', ['inv-1']],
    ]);
  });

  it('a list that answers after an invitation was made here does not hide it', async () => {
    const slow = deferred<Invitation[]>();
    const invitations = createInvitations({ client: { invitations: () => slow.promise, invite: async () => ({ invitation: makeInvitation({ id: 'inv-new' }), link: 'http://c/invite?token=n' }), revokeInvitation: async () => undefined } });
    const loading = invitations.load();
    invitations.email.value = 'new@team.example';
    await invitations.invite();
    slow.resolve([]);
    await loading;
    expect(invitations.items.value.map((item) => item.id)).toEqual(['inv-new']);
  });

  it('a refused invitation keeps what was typed, with its failure', async () => {
    const invitations = createInvitations({ client: { invitations: async () => [], invite: () => Promise.reject(httpError(409, 'already_member')), revokeInvitation: async () => undefined } });
    invitations.email.value = 'mo@team.example';
    await invitations.invite();
    expect(invitations.inviteFailure.value).toMatchObject({ status: 409 });
    expect(invitations.email.value).toBe('mo@team.example');
    expect(invitations.created.value).toBeUndefined();
  });
});

describe('tokens', () => {
  it('create: the secret shown once (until dismissed), the token listed; revoke after confirming marks it revoked, listed after the live ones', async () => {
    const { calls, record } = recorder();
    const created = makeToken({ id: 'tok-2', name: 'Warehouse', scope: 'write' });
    const tokens = createTokens({
      client: { tokens: async () => [makeToken({ createdBy: 'user-1' })], createToken: record('create', async () => ({ token: created, secret: 'sk_shown_once' })), revokeToken: record('revoke', async () => undefined), members: async () => [makeMember({ userId: 'user-1', name: 'Ada Admin' })] },
      now: () => Date.parse('2026-11-22T10:00:00.000Z'),
    });
    await tokens.load();
    expect(tokens.creatorName(tokens.items.value[0] ?? makeToken())).toBe('Ada Admin');
    expect(tokens.creatorName(makeToken({ createdBy: 'gone' }))).toBeUndefined();
    tokens.name.value = ' Warehouse ';
    tokens.scope.value = 'write';
    await tokens.create();
    expect(tokens.created.value?.secret).toBe('sk_shown_once');
    tokens.dismissCreated();
    expect(tokens.created.value).toBeUndefined();
    tokens.askRevoke('tok-2');
    await tokens.confirmRevoke();
    expect(tokens.items.value.find((token) => token.id === 'tok-2')?.revokedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(tokens.sorted.value.map((token) => token.id)).toEqual(['tok-1', 'tok-2']);
    expect(calls).toEqual([
      ['create', [{ name: 'Warehouse', scope: 'write' }]],
      ['revoke', ['tok-2']],
    ]);
  });
});

describe('audit log', () => {
  it('first page, then more by cursor until none; a filter starts over with the action', async () => {
    const { calls, record } = recorder();
    const pages: Record<string, { items: AuditEntry[]; nextCursor: string | null }> = {
      first: { items: [makeAuditEntry({ id: 'a' })], nextCursor: 'c1' },
      c1: { items: [makeAuditEntry({ id: 'b' })], nextCursor: null },
    };
    const audit = createAudit({ client: { audit: record('audit', async (query: { cursor?: string } = {}) => pages[query.cursor ?? 'first'] ?? { items: [], nextCursor: null }) }, pageSize: 1 });
    await audit.load();
    await audit.loadMore();
    expect(audit.items.value.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(audit.nextCursor.value).toBeNull();
    await audit.loadMore();
    await audit.filter('token.created');
    expect(audit.items.value.map((entry) => entry.id)).toEqual(['a']);
    expect(calls.map(([, args]) => args[0])).toEqual([{ limit: 1 }, { limit: 1, cursor: 'c1' }, { limit: 1, action: 'token.created' }]);
  });

  it('only the answer to the latest filter counts', async () => {
    const slow = deferred<{ items: AuditEntry[]; nextCursor: string | null }>();
    let first = true;
    const audit = createAudit({
      client: {
        audit: async () => {
          if (first) {
            first = false;
            return slow.promise;
          }
          return { items: [makeAuditEntry({ id: 'filtered' })], nextCursor: null };
        },
      },
    });
    const loading = audit.load();
    await audit.filter('member.removed');
    slow.resolve({ items: [makeAuditEntry({ id: 'stale' })], nextCursor: 'c9' });
    await loading;
    expect(audit.items.value.map((entry) => entry.id)).toEqual(['filtered']);
    expect(audit.nextCursor.value).toBeNull();
  });
});

describe('tokens without the members’ names', () => {
  it('the list shows all the same when the names cannot be read', async () => {
    const tokens = createTokens({ client: { tokens: async () => [makeToken({ createdBy: 'user-1' })], createToken: async () => ({ token: makeToken(), secret: '' }), revokeToken: async () => undefined, members: () => Promise.reject(httpError(403)) }, now: Date.now });
    await tokens.load();
    expect(tokens.items.value).toHaveLength(1);
    expect(tokens.loadFailure.value).toBeUndefined();
    expect(tokens.creatorName(tokens.items.value[0] ?? makeToken())).toBeUndefined();
  });
});
