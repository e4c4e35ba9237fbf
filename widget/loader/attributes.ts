const NUMBERS = new Set(['delay', 'sample']);
const BOOLEANS = new Set(['auto', 'test']);

/**
 * Reads the script tag's `data-*` attributes into configuration (`data-site-key` → `siteKey`).
 * Values that do not convert stay text, and unknown attributes are kept too, so that the
 * configuration check can say exactly which one is wrong.
 */
export function readAttributes(dataset: DOMStringMap): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [field, raw = ''] of Object.entries(dataset)) {
    const number = Number(raw);
    config[field] = NUMBERS.has(field)
      ? raw.trim() && Number.isFinite(number) ? number : raw
      : BOOLEANS.has(field)
        ? raw === '' || raw === 'true' || (raw !== 'false' && raw)
        : field === 'triggers'
          ? raw.split(',').map((name) => name.trim()).filter(Boolean)
          : raw;
  }
  return config;
}
