/** A host element with its own open shadow root and stylesheet, so page CSS cannot reach our UI nor ours leak. */
export function shadowHost(doc: Document, tag: `vigie-${string}`, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** Creates an element with text content only: page text never goes through innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

export const baseCss = `
:host { all: initial; font: 13px/1.45 system-ui, sans-serif; color: #1f1f1f; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 3px 10px; border: 1px solid #5f6368; background: #fff; color: #202124; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
input, select, textarea { font: inherit; border: 1px solid #9aa0a6; border-radius: 4px; padding: 3px 6px; color: #1f1f1f; background: #fff; }
`;
