/**
 * Brand-voice findings drawn over the platform's editor without touching its DOM: the CSS Custom
 * Highlight API paints ranges, so the editor's model and markup stay exactly as the platform made them.
 */
import { composerTextMap, domRangeFor } from '../platforms/editing';
import type { VoiceFinding } from '../messaging/protocol';

const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
const STYLE_ID = 'vigie-highlight-style';

type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; clear(): void; delete(r: Range): boolean };
interface HighlightRegistry {
  set(name: string, h: unknown): void;
  get(name: string): { add(r: Range): void; delete(r: Range): boolean } | undefined;
}

const highlights = (): HighlightRegistry | undefined => (globalThis.CSS as unknown as { highlights?: HighlightRegistry })?.highlights;
const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;

/** ::highlight() rules must live in the page's own stylesheet: a highlight paints the page's text. */
function ensureStyle(doc: Document) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `
::highlight(vigie-error) { text-decoration: underline wavy #d93025; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
::highlight(vigie-warning) { text-decoration: underline wavy #e37400; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
::highlight(vigie-suggestion) { text-decoration: underline dotted #1a73e8; text-underline-offset: 3px; }`;
  (doc.head ?? doc.documentElement).append(style);
}

export interface Marks {
  show(findings: VoiceFinding[]): void;
  clear(): void;
  /** The finding under a text offset, for the hover and caret card. */
  at(offset: number): VoiceFinding | undefined;
}

export function createMarks(doc: Document, editor: HTMLElement): Marks {
  const registry = highlights();
  let ranges: Range[] = [];
  let current: VoiceFinding[] = [];
  const clear = () => {
    for (const r of ranges) for (const s of SEVERITIES) registry?.get(`vigie-${s}`)?.delete(r);
    ranges = [];
  };
  return {
    show(findings) {
      clear();
      current = findings;
      // A textarea's text is not in the DOM: its findings are listed in the panel only.
      if (!registry || !Highlight || editor instanceof HTMLTextAreaElement) return;
      ensureStyle(doc);
      const map = composerTextMap(editor);
      for (const f of findings) {
        const range = domRangeFor(editor, f.start, f.end, map);
        if (!range) continue;
        const name = `vigie-${f.severity}`;
        if (!registry.get(name)) registry.set(name, new Highlight());
        registry.get(name)!.add(range);
        ranges.push(range);
      }
    },
    clear() {
      clear();
      current = [];
    },
    at: (offset) => current.find((f) => offset >= f.start && offset < f.end),
  };
}

/** The text offset of a DOM position inside the editor, as composerText counts. */
export function offsetOf(editor: HTMLElement, node: Node, offset: number): number | undefined {
  if (editor instanceof HTMLTextAreaElement) return editor.selectionStart ?? undefined;
  const map = composerTextMap(editor);
  const hit = map.nodes.find((n) => n.node === node);
  return hit ? hit.start + offset : undefined;
}
