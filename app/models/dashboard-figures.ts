import { SCORES, segmentOf, type Segment, type Stats } from '../../sdk/index.ts';

/** One period of the trend: its NPS and the 95 % band around it (clipped to −100…100). */
export interface TrendPoint {
  period: string;
  total: number;
  nps: number | null;
  low: number | null;
  high: number | null;
}

/** The trend as the chart and its table show it. */
export function trendPoints(stats: Stats): TrendPoint[] {
  return stats.trend.map((period) => {
    const band = period.nps !== null && period.marginOfError !== null;
    return {
      period: period.period,
      total: period.total,
      nps: period.nps,
      low: band ? Math.max(-100, round1((period.nps ?? 0) - (period.marginOfError ?? 0))) : null,
      high: band ? Math.min(100, round1((period.nps ?? 0) + (period.marginOfError ?? 0))) : null,
    };
  });
}

/** One bar of the 0–10 distribution. */
export interface ScoreBar {
  score: number;
  count: number;
  segment: Segment;
  /** Of all responses, 0–1. */
  share: number;
}

export function scoreBars(stats: Stats): ScoreBar[] {
  const total = stats.summary.total;
  return SCORES.map((score) => {
    const count = stats.distribution[score] ?? 0;
    return { score, count, segment: segmentOf(score), share: total ? count / total : 0 };
  });
}

/** The three segments' counts and shares, promoters first. */
export function segmentSplit(stats: Stats): { segment: Segment; count: number; share: number }[] {
  const { promoters, passives, detractors, total } = stats.summary;
  const share = (count: number) => (total ? count / total : 0);
  return [
    { segment: 'promoter', count: promoters, share: share(promoters) },
    { segment: 'passive', count: passives, share: share(passives) },
    { segment: 'detractor', count: detractors, share: share(detractors) },
  ];
}

/** Each segment's drivers with the share of that segment's responses that ticked it: passives and detractors first (where to act). */
export function driverTables(stats: Stats): { segment: Segment; responses: number; drivers: { driver: string; count: number; share: number }[] }[] {
  const rows: [Segment, keyof Stats['drivers'], number][] = [
    ['detractor', 'detractors', stats.summary.detractors],
    ['passive', 'passives', stats.summary.passives],
    ['promoter', 'promoters', stats.summary.promoters],
  ];
  return rows.map(([segment, key, responses]) => ({
    segment,
    responses,
    drivers: stats.drivers[key].map((driver) => ({ ...driver, share: responses ? driver.count / responses : 0 })),
  }));
}

/**
 * A share as people read it: whole percent, one decimal below 10 %; `—` for none.
 * @example percent(0.125) // '12 %'
 */
export function percent(share: number | null): string {
  if (share === null) return '—';
  const value = share * 100;
  return `${value !== 0 && value < 10 ? round1(value) : Math.round(value)} %`;
}

/** Hours as people read them: `45 min`, `7.5 h`, `3.2 days`; `—` for none. */
export function duration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round1(hours)} h`;
  return `${round1(hours / 24)} days`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
