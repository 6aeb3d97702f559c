/**
 * When a comment comes within reach of the screen. A badge costs its element, a shadow root, styles
 * and the layout they change: a page that loads a thousand comments builds the ones the user can
 * reach soon, and the others as they scroll near. Reading and storing them is not deferred: the
 * counts, the queue and the spike detector see every comment the page loaded.
 */
export interface NearView {
  watch(els: Element[]): void;
  unwatch(el: Element): void;
}

/**
 * `onNear` gets, in one batch per frame, the watched elements that came near; each is then forgotten.
 * `arrived`: they were already near when first watched (answers landing on what the screen shows),
 * rather than brought near later by a scroll.
 */
export type NearViewFactory = (onNear: (els: Element[], arrived: boolean) => void, signal: AbortSignal) => NearView;

/**
 * One screen above and below the viewport, and as much around the edges of scrolling panels
 * (Instagram's and Facebook's comment panes): a badge is built before its comment shows. Browsers
 * that do not know scrollMargin (it is recent) see such comments badged as they scroll into view.
 */
const REACH = '100% 0px';

export const nearViewport: NearViewFactory = (onNear, signal) => {
  // An observed element's first notification comes whether it is near or not: it tells an arrival.
  const unseen = new WeakSet<Element>();
  const io = new IntersectionObserver(
    (entries) => {
      const arrived: Element[] = [];
      const came: Element[] = [];
      for (const e of entries) {
        const first = unseen.delete(e.target);
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        (first ? arrived : came).push(e.target);
      }
      if (arrived.length) onNear(arrived, true);
      if (came.length) onNear(came, false);
    },
    { rootMargin: REACH, scrollMargin: REACH } as IntersectionObserverInit,
  );
  signal.addEventListener('abort', () => io.disconnect());
  return {
    watch: (els) => {
      for (const el of els) {
        unseen.add(el);
        io.observe(el);
      }
    },
    unwatch: (el) => {
      unseen.delete(el);
      io.unobserve(el);
    },
  };
};

/** Every comment near at once: for documents that are not laid out (the unit tests' DOM). */
export const everywhere: NearViewFactory = (onNear) => ({ watch: (els) => onNear(els, true), unwatch: () => {} });
