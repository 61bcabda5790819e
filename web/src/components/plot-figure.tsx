import '../styles/map.css';
import { useEffect, useRef, useState } from 'react';

/**
 * The frame every Observable Plot chart is drawn in: it measures its width, redraws on resize and
 * is one image with a translated name (the numbers are always in a table beside it). `draw` must
 * be stable between renders with the same data (useCallback).
 */
export function PlotFigure({ label, draw }: { label: string; draw: (width: number) => Element }) {
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
    if (!el || width < 100) return;
    const chart = tidyPlot(draw(width));
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [draw, width]);
  return <div ref={ref} className="wd-chart__plot" role="img" aria-label={label} />;
}

/**
 * Plot adds a <style> element; the CSP forbids inline styles, so its rules live in map.css. Plot
 * names its marks ("line", "bar") in English; the chart as a whole is one image with a translated
 * name, so those names go.
 */
export function tidyPlot<E extends Element>(chart: E): E {
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const el of [chart, ...chart.querySelectorAll('[aria-label], [aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}
