// The dashboard's charts, drawn by uPlot. Loaded only by the dashboard (a chunk of its own, with
// uPlot's stylesheet): the app's first load does not carry them. Each chart is decoration for
// sighted readers; the table next to it says the same for everyone.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ScoreBar, TrendPoint } from '../../models/dashboard-figures.ts';

/** The colours of the current scheme, from the app's CSS variables (light or dark). */
function palette() {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return { text: read('--muted'), grid: read('--border'), line: read('--accent'), band: read('--accent-soft'), promoter: read('--promoter'), passive: read('--passive'), detractor: read('--detractor') };
}

const axis = (colors: ReturnType<typeof palette>, extra: uPlot.Axis = {}): uPlot.Axis => ({
  stroke: colors.text,
  grid: { stroke: colors.grid, width: 1 },
  ticks: { stroke: colors.grid, width: 1 },
  font: '12px system-ui, sans-serif',
  ...extra,
});

/** A drawn chart: resized with its box, removed with `destroy`. */
export interface DrawnChart {
  resize(width: number): void;
  destroy(): void;
}

const HEIGHT = 220;
/** Tick steps for counts: whole responses only. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

/** NPS per period as a line, inside its 95 % band. */
export function drawTrend(target: HTMLElement, points: readonly TrendPoint[], width: number): DrawnChart {
  const colors = palette();
  const labels = points.map((point) => point.period);
  const plot = new uPlot(
    {
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      // A little room either side, so that the first and last periods' labels are not cut off.
      scales: { x: { time: false, range: [-0.4, Math.max(points.length - 1, 0) + 0.4] }, y: { range: [-100, 100] } },
      axes: [
        axis(colors, { values: (_, ticks) => ticks.map((tick) => labels[tick] ?? ''), space: 60, incrs: [1, 2, 5, 10, 20, 50] }),
        axis(colors, { size: 40 }),
      ],
      series: [
        {},
        { label: 'high', stroke: 'transparent', points: { show: false } },
        { label: 'low', stroke: 'transparent', points: { show: false } },
        { label: 'NPS', stroke: colors.line, width: 2, points: { show: true, size: 6, fill: colors.line } },
      ],
      bands: [{ series: [1, 2], fill: colors.band }],
    },
    [points.map((_, index) => index), points.map((point) => point.high), points.map((point) => point.low), points.map((point) => point.nps)],
    target,
  );
  return { resize: (next) => plot.setSize({ width: next, height: HEIGHT }), destroy: () => plot.destroy() };
}

/** Responses per score, 0 to 10, each bar in its segment's colour. */
export function drawDistribution(target: HTMLElement, bars: readonly ScoreBar[], width: number): DrawnChart {
  const colors = palette();
  const bar = uPlot.paths.bars?.({ size: [0.7, 48] });
  const ofSegment = (segment: ScoreBar['segment']) => bars.map((one) => (one.segment === segment ? one.count : null));
  const series = (segment: ScoreBar['segment'], color: string): uPlot.Series => ({ label: segment, fill: color, stroke: color, points: { show: false }, ...(bar ? { paths: bar } : {}) });
  const plot = new uPlot(
    {
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, 10.5] }, y: { range: (_, __, max) => [0, Math.max(1, max)] } },
      axes: [axis(colors, { incrs: [1], values: (_, ticks) => ticks.map(String) }), axis(colors, { size: 40, incrs: COUNT_STEPS })],
      series: [{}, series('detractor', colors.detractor), series('passive', colors.passive), series('promoter', colors.promoter)],
    },
    [bars.map((one) => one.score), ofSegment('detractor'), ofSegment('passive'), ofSegment('promoter')],
    target,
  );
  return { resize: (next) => plot.setSize({ width: next, height: HEIGHT }), destroy: () => plot.destroy() };
}
