import type { ApiToken, AuditEntry, Invitation, Me, Member } from '../../sdk/index.ts';

/** `GET /v1/me` for a signed-in admin of one team; override any field. */
export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    actor: { type: 'member', id: 'user-1', name: 'Ada Admin' },
    user: { id: 'user-1', name: 'Ada Admin', email: 'ada@team.example' },
    team: { id: 'team-1', name: 'Acme support', slaDays: 7, createdAt: '2026-11-01T09:00:00.000Z' },
    role: 'admin',
    teams: [{ id: 'team-1', name: 'Acme support', role: 'admin' }],
    siteIds: ['site-1'],
    ...overrides,
  };
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return { userId: 'user-2', name: 'Mo Member', email: 'mo@team.example', role: 'member', joinedAt: '2026-11-02T09:00:00.000Z', active: true, ...overrides };
}

export function makeInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return { id: 'inv-1', email: 'new@team.example', role: 'viewer', invitedBy: 'Ada Admin', createdAt: '2026-11-20T09:00:00.000Z', expiresAt: '2026-11-21T09:00:00.000Z', ...overrides };
}

export function makeToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return { id: 'tok-1', name: 'Zapier', scope: 'read', createdBy: 'Ada Admin', createdAt: '2026-11-20T09:00:00.000Z', lastUsedAt: null, revokedAt: null, ...overrides };
}

export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 'audit-1', at: '2026-11-20T09:00:00.000Z', actor: { type: 'member', id: 'user-1', name: 'Ada Admin' }, action: 'token.created', target: { type: 'token', id: 'tok-1' }, detail: {}, ...overrides };
}
