import { ELEMENT } from '../platforms/dom';

/**
 * One MutationObserver per root, batched: added subtrees are collected and handed over on idle time.
 * A huge batch (a page swap, a long infinite-scroll chunk) becomes one full rescan instead of
 * thousands of small queries.
 */
const FULL_RESCAN_AFTER = 300;

export function observeAdded(root: Node, signal: AbortSignal, onAdded: (roots: ParentNode[] | 'rescan') => void, onRemoved?: () => void): void {
  let batch = new Set<ParentNode>();
  let rescan = false;
  /** Some page node was removed in this batch (a collapsed thread, a virtualised list dropping rows). */
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    if (signal.aborted) return;
    const roots = rescan ? 'rescan' : Array.from(batch).filter((n) => (n as Node).isConnected);
    const anyRemoved = removed;
    batch = new Set();
    rescan = false;
    removed = false;
    if (roots === 'rescan' || roots.length) onAdded(roots);
    if (anyRemoved) onRemoved?.();
  };

  // Indexed loops and the node type as a number: from a content script's world each property read
  // and each iterator step crosses into the DOM, for every node an infinite scroll adds.
  const observer = new MutationObserver((records) => {
    const n = records.length;
    if (onRemoved) for (let i = 0; i < n && !removed; i++) removed = records[i]!.removedNodes.length > 0;
    for (let i = 0; i < n && !rescan; i++) {
      const added = records[i]!.addedNodes;
      for (let j = 0, m = added.length; j < m; j++) {
        const node = added[j]!;
        if (node.nodeType === ELEMENT && !(node as Element).localName.startsWith('vigie-')) batch.add(node as Element);
      }
      if (batch.size > FULL_RESCAN_AFTER) {
        rescan = true;
        batch.clear();
      }
    }
    timer ??= setTimeout(flush, 50);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  });
}
