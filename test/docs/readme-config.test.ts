import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { surveyConfigSchema } from '../../sdk/index.ts';
import { en } from '../../widget/i18n/locales/en.ts';
import { LOCALES } from '../../widget/i18n/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Configuration reference'), readme.indexOf('### Who is asked'));
const rows = new Map(
  [...section.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]),
);

describe('README configuration reference', () => {
  const defaults = surveyConfigSchema.parse({ endpoint: 'https://c.example', siteKey: 'pk_test1234' });
  const keys = Object.keys(surveyConfigSchema.shape);

  it('lists every option of the schema, and nothing else', () => {
    expect([...rows.keys()].sort()).toEqual([...keys].sort());
  });

  it.each(Object.entries(defaults).filter(([, value]) => typeof value !== 'object' && value !== undefined))('states the default of %s as the schema does', (key, value) => {
    if (key === 'endpoint' || key === 'siteKey') return expect(rows.get(key)).toBe('required');
    expect(rows.get(key)).toBe(`\`${JSON.stringify(value)}\``);
  });

  it('states the throttle defaults and names every built-in locale', () => {
    expect(section).toContain(JSON.stringify(defaults.throttle).replaceAll('"', '').replaceAll(':', ': ').replaceAll(',', ', ').replace('{', '{ ').replace('}', ' }'));
    expect(rows.get('locale')).toBe('page `lang`, then browser');
    expect(section).toContain(`One of \`${LOCALES.join(' ')}\``);
    expect(Object.keys(en)).toContain('followUpQuestion');
  });
});
