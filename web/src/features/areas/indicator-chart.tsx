import { barY, dot, lineY, plot, ruleY } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

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
  return data.length > 1
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
}

export default function IndicatorChart({ points, label, format }: IndicatorChartProps) {
  const draw = useCallback((width: number) => render(points, width, format), [points, format]);
  return <PlotFigure label={label} draw={draw} />;
}
