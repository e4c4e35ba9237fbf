/** The first problem with the fields the loader itself relies on, said so a person can fix it. */
export interface ConfigProblem {
  field: string;
  message: string;
}

/** Defaults of the fields the loader reads; a test holds them equal to the SDK schema's. */
export const LOADER_DEFAULTS = { delay: 5, sample: 1, throttle: { afterResponseDays: 90, afterDismissDays: 30, minUserAgeDays: 30, perSession: 1 } };

const between = (value: unknown, min: number, max: number) => typeof value === 'number' && value >= min && value <= max;

/**
 * A dependency-free check of what the loader needs before it decides anything. The UI chunk
 * checks everything else against the SDK's schema when it loads.
 */
export function checkConfig(config: Record<string, unknown>): ConfigProblem | undefined {
  const problems: [field: string, ok: boolean, fix: string][] = [
    ['endpoint', typeof config.endpoint === 'string' && /^https?:\/\/[^\s/]/.test(config.endpoint), 'your collector’s http(s) URL'],
    ['siteKey', typeof config.siteKey === 'string' && /^pk_[\w-]{4,64}$/.test(config.siteKey), 'your public key, pk_… (never the secret sk_…)'],
    ['delay', !('delay' in config) || between(config.delay, 0, 3600), 'seconds, 0 to 3600'],
    ['sample', !('sample' in config) || between(config.sample, 0, 1), 'a share of visitors, 0 to 1'],
    ['auto', !('auto' in config) || typeof config.auto === 'boolean', 'true or false'],
    ['test', !('test' in config) || typeof config.test === 'boolean', 'true or false'],
  ];
  const [field, , fix] = problems.find(([, ok]) => !ok) ?? [];
  return field ? { field, message: `${field} must be ${fix}` } : undefined;
}
