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

  const observer = new MutationObserver((records) => {
    if (onRemoved && !removed) removed = records.some((r) => r.removedNodes.length > 0);
    if (!rescan) {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !(node as Element).localName.startsWith('vigie-')) batch.add(node as Element);
        }
        if (batch.size > FULL_RESCAN_AFTER) {
          rescan = true;
          batch.clear();
          break;
        }
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
