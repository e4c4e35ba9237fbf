import { describe, expect, it } from 'vitest';
import { listQuerySchema, statsQuerySchema } from '../../sdk/index.ts';
import { filtersFromQuery, ownerMatch, statsFiltersFromQuery, type OwnerMatch } from '../../server/responses/index.ts';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const filters = (query: Record<string, string>, owner: OwnerMatch = {}) => filtersFromQuery(listQuerySchema.parse(query), NOW, owner);

describe('admin list query → store filters', () => {
  it('maps every filter of SPEC §10 onto ResponseFilters', () => {
    expect(
      filters({
        segment: 'passive',
        score: '7',
        scoreMin: '7',
        scoreMax: '8',
        from: '2026-11-01',
        to: '2026-11-02T12:00:00Z',
        q: 'export',
        followUpStatus: 'contacted',
        owner: 'sam',
        overdue: 'true',
        driver: 'Price',
        hasComment: 'false',
        contactable: 'true',
        identified: 'false',
        'trait.plan': 'pro',
        includeTest: 'true',
        cursor: 'c',
        limit: '10',
        site: 's1',
      }, { owner: 'sam' }),
    ).toEqual({
      segment: 'passive',
      score: 7,
      scoreMin: 7,
      scoreMax: 8,
      from: Date.parse('2026-11-01'),
      to: Date.parse('2026-11-02T12:00:00Z'),
      text: 'export',
      followUpStatus: 'contacted',
      owner: 'sam',
      overdueAt: NOW,
      driver: 'Price',
      hasComment: false,
      contactable: true,
      identified: false,
      trait: { key: 'plan', value: 'pro' },
      includeTest: true,
    });
  });

  it('the owner is what ownerMatch made of owner=, never the raw text; nothing given is no filter, and test responses stay out', () => {
    expect(filters({ owner: 'me' }, { ownerId: 'u1' })).toEqual({ ownerId: 'u1', includeTest: false });
    expect(filters({ owner: 'none' })).toEqual({ includeTest: false });
    expect(filters({})).toEqual({ includeTest: false });
  });

  describe('owner= (ownerMatch)', () => {
    const asked: [string, string][] = [];
    const isMember = async (teamId: string, userId: string) => (asked.push([teamId, userId]), teamId === 'team-1' && userId === 'user-sam');
    const member = { teamId: 'team-1', userId: 'user-kim' };
    const token = { teamId: 'team-1', userId: null };

    it('none is unassigned, me the signed-in member, a member id that member, other text a v1 label', async () => {
      expect(await ownerMatch(undefined, member, isMember)).toEqual({ ok: true, match: {} });
      expect(await ownerMatch('none', member, isMember)).toEqual({ ok: true, match: { owner: null } });
      expect(await ownerMatch('me', member, isMember)).toEqual({ ok: true, match: { ownerId: 'user-kim' } });
      expect(await ownerMatch('user-sam', token, isMember)).toEqual({ ok: true, match: { ownerId: 'user-sam' } });
      expect(await ownerMatch('sam', token, isMember)).toEqual({ ok: true, match: { owner: 'sam' } });
      // Membership is asked of the asker's own team only.
      expect(asked).toEqual([
        ['team-1', 'user-sam'],
        ['team-1', 'sam'],
      ]);
    });

    it('me without a signed-in member (a token, a site key) is an issue naming owner', async () => {
      expect(await ownerMatch('me', token, isMember)).toEqual({ ok: false, issue: { path: 'owner', message: 'owner=me needs a signed-in member' } });
    });
  });

  it('stats: dates to epoch ms, includeTest to a boolean', () => {
    expect(statsFiltersFromQuery(statsQuerySchema.parse({ from: '2026-11-01', includeTest: 'true', interval: 'day' }))).toEqual({ from: Date.parse('2026-11-01'), includeTest: true });
  });
});
