import type { BuiltInView } from '../../sdk/index.ts';

const WEEK = 7 * 86_400_000;

/**
 * The views every team has (SPEC §10 inbox), as list queries at `now`: "this week" is the last
 * seven days up to now, so a built-in view is computed when it is read, never stored.
 */
export function builtInViews(now: number): { id: BuiltInView; name: string; query: Record<string, string> }[] {
  return [
    { id: 'detractors-to-contact', name: 'Detractors to contact', query: { segment: 'detractor', followUpStatus: 'new' } },
    { id: 'passives-this-week', name: 'Passives this week', query: { segment: 'passive', from: new Date(now - WEEK).toISOString() } },
    { id: 'mine', name: 'Mine', query: { owner: 'me', open: 'true' } },
    { id: 'overdue', name: 'Overdue', query: { overdue: 'true' } },
  ];
}
