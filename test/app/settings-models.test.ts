import { describe, expect, it } from 'vitest';
import { createTeamSettings, slaProblem } from '../../app/models/settings-team.ts';
import { createSites } from '../../app/models/sites.ts';
import { parseOrigins } from '../../app/models/sites-origins.ts';
import { scriptTag } from '../../app/models/sites-script-tag.ts';
import type { SiteChange, SiteCreate, SiteView, Team, TeamChange } from '../../sdk/index.ts';
import { deferred, httpError, recorder } from './fakes.ts';

const site = (overrides: Partial<SiteView> = {}): SiteView => ({ id: 'site-1', name: 'Shop', publicKey: 'pk_shop', origins: ['https://shop.example'], createdAt: '2026-11-20T09:00:00.000Z', ...overrides });
const team: Team = { id: 'team-1', name: 'Acme support', slaDays: 7, createdAt: '2026-11-01T09:00:00.000Z' };

describe('origins, one per line', () => {
  it('keeps the origins (trimmed, blank lines and repeats dropped) and names each line that is not one, with the origin it likely meant', () => {
    expect(parseOrigins(' https://shop.example \n\nhttp://localhost:3000\nhttps://shop.example')).toEqual({ origins: ['https://shop.example', 'http://localhost:3000'], problems: [], tooMany: false });
    expect(parseOrigins('https://a.example/\nshop.example\nhttps://b.example/cart?x=1\nftp://c.example').problems).toEqual([
      { line: 1, value: 'https://a.example/', suggestion: 'https://a.example' },
      { line: 2, value: 'shop.example', suggestion: undefined },
      { line: 3, value: 'https://b.example/cart?x=1', suggestion: 'https://b.example' },
      { line: 4, value: 'ftp://c.example', suggestion: undefined },
    ]);
    expect(parseOrigins(Array.from({ length: 51 }, (_, index) => `https://s${index}.example`).join('\n')).tooMany).toBe(true);
  });
});

describe('the script tag', () => {
  it('is the README’s: async, the loader, the collector and the public key, attribute values escaped', () => {
    expect(scriptTag({ endpoint: 'https://c.example', publicKey: 'pk_1' })).toBe('<script async src="https://YOUR-CDN/onepoint.js" data-endpoint="https://c.example" data-site-key="pk_1"></script>');
    expect(scriptTag({ endpoint: 'https://c.example/a"b', publicKey: 'pk_<1>&', src: '/dist/onepoint.js' })).toBe('<script async src="/dist/onepoint.js" data-endpoint="https://c.example/a&quot;b" data-site-key="pk_&lt;1>&amp;"></script>');
  });
});

describe('sites', () => {
  const client = (overrides: Partial<Parameters<typeof createSites>[0]['client']> = {}) => ({
    sites: async () => [site()],
    createSite: async (input: SiteCreate) => ({ site: site({ id: 'site-2', name: input.name, publicKey: 'pk_new', origins: input.origins }), secretKey: 'sk_new' }),
    updateSite: async (id: string, change: SiteChange) => site({ id, ...change }),
    ...overrides,
  });

  it('create: origins with a bad line never leave, the line is named; a good one adds the site, shows its secret once and empties the form', async () => {
    const { calls, record } = recorder();
    const sites = createSites({ client: client({ createSite: record('create', client().createSite) }) });
    await sites.load();
    sites.name.value = ' Blog ';
    sites.origins.value = 'https://blog.example/';
    await sites.create();
    expect(calls).toEqual([]);
    expect(sites.createTried.value).toBe(true);
    expect(sites.createOrigins.value.problems.map((problem) => problem.suggestion)).toEqual(['https://blog.example']);
    sites.origins.value = '';
    await sites.create();
    expect(calls).toEqual([]);
    sites.origins.value = 'https://blog.example\nhttps://www.blog.example';
    await sites.create();
    expect(calls).toEqual([['create', [{ name: 'Blog', origins: ['https://blog.example', 'https://www.blog.example'] }]]]);
    expect(sites.items.value.map((item) => item.id)).toEqual(['site-1', 'site-2']);
    expect(sites.created.value?.secretKey).toBe('sk_new');
    expect([sites.name.value, sites.origins.value, sites.createTried.value]).toEqual(['', '', false]);
    sites.dismissCreated();
    expect(sites.created.value).toBeUndefined();
  });

  it('a site made or changed while the list is on its way stays in the list it brings', async () => {
    const listed = deferred<ReturnType<typeof site>[]>();
    const sites = createSites({ client: client({ sites: () => listed.promise }) });
    const loading = sites.load();
    sites.name.value = 'Blog';
    sites.origins.value = 'https://blog.example';
    await sites.create();
    // The list was read before the site was made: it has only the first one, as it was then.
    listed.resolve([site(), site({ id: 'site-3', name: 'Docs' })]);
    await loading;
    expect(sites.items.value.map((item) => [item.id, item.name])).toEqual([
      ['site-1', site().name],
      ['site-3', 'Docs'],
      ['site-2', 'Blog'],
    ]);
    // Read again later, the collector's list is the list.
    await sites.load();
    expect(sites.items.value.map((item) => item.id)).toEqual(['site-1', 'site-3']);
  });

  it('a refused create is its failure and keeps what was typed', async () => {
    const sites = createSites({ client: client({ createSite: () => Promise.reject(httpError(403, 'forbidden')) }) });
    sites.name.value = 'Blog';
    sites.origins.value = 'https://blog.example';
    await sites.create();
    expect(sites.createFailure.value).toMatchObject({ kind: 'http', status: 403 });
    expect(sites.origins.value).toBe('https://blog.example');
    expect(sites.created.value).toBeUndefined();
  });

  it('edit: starts from the site, sends only what changed, replaces the site with the answer; nothing changed sends nothing', async () => {
    const { calls, record } = recorder();
    const sites = createSites({ client: client({ updateSite: record('update', client().updateSite) }) });
    await sites.load();
    sites.startEdit('site-1');
    expect([sites.editName.value, sites.editOrigins.value]).toEqual(['Shop', 'https://shop.example']);
    await sites.saveEdit();
    expect(calls).toEqual([]);
    expect(sites.editing.value).toBeUndefined();
    sites.startEdit('site-1');
    sites.editOrigins.value = 'https://shop.example\nhttps://shop.example/eu';
    await sites.saveEdit();
    expect(calls).toEqual([]);
    expect(sites.editing.value).toBe('site-1');
    sites.editOrigins.value = 'https://shop.example\nhttps://eu.shop.example';
    await sites.saveEdit();
    expect(calls).toEqual([['update', ['site-1', { origins: ['https://shop.example', 'https://eu.shop.example'] }]]]);
    expect(sites.items.value[0]?.origins).toEqual(['https://shop.example', 'https://eu.shop.example']);
    expect([sites.editing.value, sites.saved.value]).toEqual([undefined, 'site-1']);
  });

  it('a late answer after the screen went changes nothing', async () => {
    const answer = deferred<SiteView[]>();
    const sites = createSites({ client: client({ sites: () => answer.promise }) });
    const loading = sites.load();
    sites.dispose();
    answer.resolve([site()]);
    await loading;
    expect(sites.items.value).toEqual([]);
  });
});

describe('team settings', () => {
  it('the SLA is a whole number of days from 1 to 90', () => {
    expect(['7', ' 30 ', '1', '90'].map(slaProblem)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['', '0', '91', '2.5', '-1', 'seven'].map(slaProblem)).toEqual(['not_a_number', 'out_of_range', 'out_of_range', 'not_a_number', 'not_a_number', 'not_a_number']);
  });

  it('save sends only the changed fields; a bad SLA or an empty name sends nothing and says why', async () => {
    const { calls, record } = recorder();
    const settings = createTeamSettings({ client: { team: async () => team, updateTeam: record('update', async (change: TeamChange) => ({ ...team, ...change })) } });
    await settings.load();
    expect([settings.name.value, settings.slaDays.value]).toEqual(['Acme support', '7']);
    expect(settings.slaError.value).toBeUndefined();
    settings.slaDays.value = '0';
    expect(await settings.save()).toBeUndefined();
    expect(settings.slaError.value).toBe('out_of_range');
    settings.slaDays.value = '14';
    settings.name.value = '  ';
    await settings.save();
    expect(settings.nameError.value).toBe('empty');
    expect(calls).toEqual([]);
    settings.name.value = 'Acme support';
    expect(await settings.save()).toEqual({ ...team, slaDays: 14 });
    expect(calls).toEqual([['update', [{ slaDays: 14 }]]]);
    expect([settings.saved.value, settings.slaDays.value, settings.team.value?.slaDays]).toEqual([true, '14', 14]);
    await settings.save();
    expect(calls).toHaveLength(1);
  });
});
