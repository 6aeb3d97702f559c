/** Matches of selector under root, root included: the observer hands over added subtrees whose top may be the comment itself. */
export function queryAllIncludingSelf(root: ParentNode, selector: string): Element[] {
  const found = (root as Element).matches?.(selector) ? [root as Element] : [];
  // By index: Array.from goes through the NodeList's iterator, a slow path for every item.
  const list = root.querySelectorAll(selector);
  for (let i = 0, n = list.length; i < n; i++) found.push(list[i]!);
  return found;
}

// Node type numbers, not the Node global: the command line runs adapters on a DOM without globals.
export const ELEMENT = 1;
export const TEXT_NODE = 3;
/** Node.DOCUMENT_POSITION_PRECEDING and _FOLLOWING, for compareDocumentPosition. */
export const PRECEDING = 2;
export const FOLLOWING = 4;
/** Elements that start a new line of text, for reading comments and reply boxes alike. */
export const BLOCKS = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'PRE']);
/** What readText does not read as plain text: emoji images, line breaks, blocks, code and templates. */
const NOT_PLAIN = ['img', 'br', 'script', 'style', 'template', ...[...BLOCKS].map((t) => t.toLowerCase())].join(',');

/**
 * The text a reader sees in a comment body: emoji drawn as <img alt> (X, Facebook) count as text,
 * <br> and blocks are line breaks, hidden parts (aria-hidden link prefixes) are kept as the platform
 * shows them when copied. Reads text only: nothing is parsed as HTML.
 */
export function readText(el: Element | null | undefined, max = 20_000): string {
  if (!el) return '';
  // Most comments are plain text in a few spans: then the text is the native textContent, which the
  // walk below would rebuild node by node.
  if (!el.querySelector(NOT_PLAIN)) return (el.textContent ?? '').slice(0, max).trim();
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && out.length < max; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) out += child.nodeValue ?? '';
      else if (child.nodeType === ELEMENT) {
        const tag = (child as Element).tagName;
        if (tag === 'IMG') out += (child as HTMLImageElement).alt;
        else if (tag === 'BR') out += '\n';
        else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        else {
          if (BLOCKS.has(tag) && out && !out.endsWith('\n')) out += '\n';
          walk(child);
        }
      }
    }
  };
  walk(el);
  return out.slice(0, max).trim();
}

const turns = new WeakMap<Document, Map<symbol, { value: unknown; stamp: string }>>();

/**
 * A value worked out from the whole page (a thread's posts in order, to place each reply in it),
 * computed once for a run of reads instead of once per comment, which made a long thread cost O(n²).
 * It is kept until the code that asked returns to the event loop (a microtask drops it): until then
 * only that code runs, so the page cannot change under it; by the runtime's next idle slice the
 * platform may have re-rendered, and it is worked out again. `stamp` (a cheap summary, such as a count
 * of the page's posts) makes it be worked out again when the caller itself changed the page meanwhile.
 */
export function perTurn<T>(doc: Document, key: symbol, stamp: string, build: () => T): T {
  let kept = turns.get(doc);
  const hit = kept?.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  if (!kept) {
    kept = new Map();
    turns.set(doc, kept);
    queueMicrotask(() => turns.delete(doc));
  }
  const value = build();
  kept.set(key, { value, stamp });
  return value;
}
