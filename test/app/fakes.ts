import { HttpError, NetworkError, type Stats, type StatsSummary } from '../../sdk/index.ts';

/** A promise settled from outside: a fake client call answered when the test says. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The collector's answer other than 2xx, as the SDK raises it. */
export const httpError = (status: number, code?: string, retryAfterMs?: number) =>
  new HttpError('http://c.example/x', status, code ? { error: { code, message: `${code} happened` } } : undefined, retryAfterMs);

export const offline = () => new NetworkError('http://c.example/x');

/** Records each call's arguments by method name. */
export function recorder() {
  const calls: [string, unknown[]][] = [];
  const record =
    <A extends unknown[], R>(name: string, answer: (...args: A) => R) =>
    (...args: A): R => {
      calls.push([name, args]);
      return answer(...args);
    };
  return { calls, record };
}

const NO_SUMMARY = { promoters: 0, passives: 0, detractors: 0, total: 0, nps: null, marginOfError: null };

/** A summary answer (`GET /v1/stats/summary`): `summary`, and no responses unless given. */
export const makeSummary = (summary: StatsSummary['summary'] = NO_SUMMARY): StatsSummary => ({ summary, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });

/** A stats answer: `summary` and nothing else counted (override any part). */
export const makeStats = (parts: Partial<Stats> = {}): Stats => ({
  summary: NO_SUMMARY,
  distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  trend: [],
  shown: 0,
  responseRate: null,
  drivers: { promoters: [], passives: [], detractors: [] },
  followUp: { settled: 0, contactedInSla: 0, contactedInSlaShare: null, medianHoursToFirstContact: null, overdueByOwner: [] },
  ...parts,
});
