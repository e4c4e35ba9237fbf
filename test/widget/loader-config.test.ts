import { describe, expect, it } from 'vitest';
import { surveyConfigSchema } from '../../sdk/index.ts';
import { readAttributes } from '../../widget/loader/attributes.ts';
import { checkConfig, LOADER_DEFAULTS } from '../../widget/loader/check-config.ts';

const good = { endpoint: 'https://c.example', siteKey: 'pk_live_1234' };

describe('loader configuration', () => {
  it('reads data-* attributes into typed configuration', () => {
    const dataset = { endpoint: 'https://c.example', siteKey: 'pk_live_1234', delay: '2.5', sample: 'half', auto: 'false', test: '', triggers: 'export_report, upgrade', position: 'center' };
    expect(readAttributes(dataset)).toEqual({ ...dataset, delay: 2.5, sample: 'half', auto: false, test: true, triggers: ['export_report', 'upgrade'] });
  });

  it.each([
    [{}, 'endpoint'],
    [{ endpoint: 'collector.example', siteKey: 'pk_live_1234' }, 'endpoint'],
    [{ ...good, siteKey: 'sk_live_1234' }, 'siteKey'],
    [{ ...good, delay: 'soon' }, 'delay'],
    [{ ...good, sample: 2 }, 'sample'],
    [{ ...good, auto: 'nope' }, 'auto'],
  ])('names the field in %j', (config, field) => {
    expect(checkConfig(config)).toMatchObject({ field, message: expect.stringContaining(field) });
  });

  it('agrees with the SDK schema wherever the loader checks', () => {
    for (const config of [good, { ...good, delay: 0, sample: 0.5, auto: false, test: true }]) {
      expect(checkConfig(config)).toBeUndefined();
      expect(surveyConfigSchema.safeParse(config).success).toBe(true);
    }
    for (const config of [{ ...good, siteKey: 'pk_x' }, { ...good, delay: -1 }, { ...good, sample: 1.01 }]) {
      expect(checkConfig(config)).toBeDefined();
      expect(surveyConfigSchema.safeParse(config).success).toBe(false);
    }
  });

  it('uses the same defaults as the SDK schema', () => {
    const parsed = surveyConfigSchema.parse(good);
    expect({ delay: parsed.delay, sample: parsed.sample, throttle: parsed.throttle }).toEqual(LOADER_DEFAULTS);
  });
});
