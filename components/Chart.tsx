import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A uPlot chart that follows its data; uPlot draws on canvas, so page text never becomes markup here.
 * The x scale uPlot settles on is written on the box (data-x-min, data-x-max), for tests and tools.
 */
export function Chart({ options, data, label }: { options: Omit<Options, 'width'>; data: AlignedData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const showScale = (u: uPlot, key: string) => {
      if (key !== 'x') return;
      target.dataset.xMin = String(u.scales.x?.min ?? '');
      target.dataset.xMax = String(u.scales.x?.max ?? '');
    };
    const hooks = { ...options.hooks, setScale: [...(options.hooks?.setScale ?? []), showScale] };
    const plot = new uPlot({ ...options, hooks, width: Math.max(280, target.clientWidth) } as Options, data, target);
    return () => plot.destroy();
  }, [options, data]);
  return <div ref={box} role="img" aria-label={label} className="chart" />;
}
