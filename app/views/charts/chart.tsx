import { useEffect, useRef, useState } from 'preact/hooks';
import type { DrawnChart } from './uplot-charts.ts';

type Charts = typeof import('./uplot-charts.ts');

// One import for every chart on the page: the chunk (uPlot and its styles) is fetched once, when
// the first chart shows.
let charts: Promise<Charts> | undefined;
const loadCharts = () => (charts ??= import('./uplot-charts.ts'));

/**
 * A chart drawn by uPlot once its chunk has arrived, redrawn when its data, its width or the colour
 * scheme changes. Hidden from assistive technology: the table that goes with it is the accessible
 * version (and stays when the chart cannot load).
 */
export function Chart<D>(props: { data: D; draw: (charts: Charts, target: HTMLElement, data: D, width: number) => DrawnChart; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [scheme, setScheme] = useState(0);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const changed = () => setScheme((count) => count + 1);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    let drawn: DrawnChart | undefined;
    let gone = false;
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => drawn?.resize(target.clientWidth)) : undefined;
    // The table says it all: a chunk that did not load, or a canvas the browser refused, costs the picture only.
    loadCharts()
      .then((module) => {
        if (gone) return;
        drawn = props.draw(module, target, props.data, target.clientWidth);
        observer?.observe(target);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      observer?.disconnect();
      drawn?.destroy();
    };
  }, [props.data, scheme]);
  return <div class="chart" ref={box} aria-hidden="true" data-chart={props.label} />;
}
