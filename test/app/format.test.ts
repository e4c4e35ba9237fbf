import { describe, expect, it } from 'vitest';
import { formatCount, formatFull, formatWhen } from '../../app/views/format.ts';

const NOW = Date.parse('2026-11-22T10:05:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('dates and counts as the app says them', () => {
  it('past moments: just now, minutes, hours, yesterday, then the date', () => {
    expect([at(-30_000), at(-5 * MINUTE), at(-3 * HOUR), at(-30 * HOUR), at(-3 * DAY)].map((iso) => formatWhen(iso, NOW))).toEqual(['just now', '5 min ago', '3 h ago', 'yesterday', '19 Nov']);
    expect(formatWhen('2025-11-19T10:00:00Z', NOW)).toBe('19 Nov 2025');
  });

  it('due dates ahead are said ahead, never "just now"', () => {
    expect([at(30_000), at(5 * MINUTE), at(3 * HOUR), at(30 * HOUR), at(6 * DAY + HOUR), at(20 * DAY)].map((iso) => formatWhen(iso, NOW))).toEqual(['just now', 'in 5 min', 'in 3 h', 'tomorrow', 'in 6 days', '12 Dec']);
  });

  it('the full date for a title, and counts grouped by thousands', () => {
    expect(formatFull('2026-11-22T10:05:00Z')).toBe('22 Nov 2026, 10:05 UTC');
    expect([formatCount(0), formatCount(994_997), formatCount(1_234_567)]).toEqual(['0', '994,997', '1,234,567']);
  });
});
