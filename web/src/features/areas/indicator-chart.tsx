import { barY, dot, lineY, plot, ruleY } from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';

/**
 * One indicator over the years as an Observable Plot chart (loaded on demand: Plot is a separate
 * chunk). A line with dots for two or more years, a single bar for one. The chart is an image with
 * a summary as its name; the numbers themselves are in the table on the page.
 */

export interface ChartPoint {
  year: number;
  value: number;
}

export interface IndicatorChartProps {
  points: readonly ChartPoint[];
  /** Accessible name: what the chart shows, with its first and last value. */
  label: string;
  format: (value: number) => string;
}

const HEIGHT = 200;

function render(points: readonly ChartPoint[], width: number, format: (n: number) => string) {
  const data = [...points];
  const years = data.map((p) => p.year);
  const yAxis = { label: null, grid: true, tickFormat: format, nice: true, zero: true };
  const chart =
    data.length > 1
      ? plot({
          className: 'wd-plot',
          width,
          height: HEIGHT,
          marginLeft: 56,
          x: { label: null, ticks: years, tickFormat: (y: number) => String(y) },
          y: yAxis,
          marks: [
            ruleY([0]),
            lineY(data, { x: 'year', y: 'value', className: 'wd-chart-line', strokeWidth: 2 }),
            dot(data, { x: 'year', y: 'value', className: 'wd-chart-dot', r: 3 }),
          ],
        })
      : plot({
          className: 'wd-plot',
          width,
          height: HEIGHT,
          marginLeft: 56,
          x: { label: null, type: 'band', tickFormat: (y: number) => String(y) },
          y: yAxis,
          marks: [barY(data, { x: 'year', y: 'value', className: 'wd-chart-bar' }), ruleY([0])],
        });
  // Plot adds a <style> element; the CSP forbids inline styles, so its rules live in map.css.
  for (const style of chart.querySelectorAll('style')) style.remove();
  // Plot names its marks ("line", "dot") in English on plain <g> elements; the chart as a whole is
  // one image with a translated name, so those names go.
  for (const el of [chart, ...chart.querySelectorAll('[aria-label], [aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}

export default function IndicatorChart({ points, label, format }: IndicatorChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || width < 100 || points.length === 0) return;
    const chart = render(points, width, format);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [points, width, format]);

  return <div ref={ref} className="wd-chart__plot" role="img" aria-label={label} />;
}
