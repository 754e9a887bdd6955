import { type ReactNode, useEffect, useRef, useState } from 'react';

// Where the page cannot be measured (a hidden card, a test's document) the chart still draws.
const FALLBACK_WIDTH = 640;

/**
 * Draws a chart at the width it is given, after the page is in the browser. recharts measures
 * text and numbers its clip paths on the client only, so a chart drawn on the server would not
 * hydrate cleanly; the server sends the reserved space and the table carries the numbers.
 */
export function ChartFrame({
  height,
  children,
}: {
  height: number;
  children: (width: number) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.clientWidth);
      setWidth(measured > 0 ? measured : FALLBACK_WIDTH);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className="chart-frame" style={{ height }}>
      {width === null ? null : children(width)}
    </div>
  );
}
