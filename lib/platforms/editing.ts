/**
 * Writing into the platforms' own editors. Rich editors (Draft.js, Lexical, Quill, ProseMirror) keep
 * their own model and re-render the DOM from it, so text must arrive through an input path the editor
 * listens to: a synthetic paste carrying a DataTransfer, or execCommand('insertText'). Setting
 * innerText would show text the editor does not know about, and the platform would post nothing.
 */
import { BLOCKS } from './dom';
import type { EditorInput, PlatformAdapter, WriteMode } from './types';

/** By tag, not instanceof: the command line runs adapters on a DOM whose classes are not globals. */
const isTextField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement => el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Puts the caret at the end of the editor (insert) or selects everything in it (replace). */
export async function selectForWrite(el: HTMLElement, mode: WriteMode): Promise<void> {
  el.focus();
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  if (mode === 'insert') range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
  // Editors sync their model selection from selectionchange, which fires asynchronously.
  await nextFrame();
}

export function pasteText(el: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  // Firefox ignores clipboardData here (the event gets an empty DataTransfer of its own) and fills it from its own `dataType` and `data` members instead; Chromium ignores those.
  const init: ClipboardEventInit & { dataType: string; data: string } = { clipboardData: data, dataType: 'text/plain', data: text, bubbles: true, cancelable: true };
  const event = new ClipboardEvent('paste', init);
  el.dispatchEvent(event);
  // An editor that handled the paste cancels the browser's default, which would do nothing on a synthetic event.
  return event.defaultPrevented;
}

export function execInsertText(el: HTMLElement, text: string): boolean {
  el.focus();
  return el.ownerDocument.execCommand('insertText', false, text);
}

/** Puts the text where the selection is, by the input path this editor takes. */
function typeAtSelection(el: HTMLElement, text: string, input: EditorInput): void {
  if (!pasteText(el, text) && input === 'paste-or-type') execInsertText(el, text);
}

/**
 * Writes into a platform's editor by the path it takes, and says whether the editor now shows the
 * text (the first line for rich editors, which may re-wrap the rest into paragraphs).
 */
export async function writeText(input: EditorInput, el: HTMLElement, text: string, mode: WriteMode): Promise<boolean> {
  if (input === 'value' && isTextField(el)) {
    writeTextarea(el, text, mode);
    await nextFrame();
    return el.value.includes(text);
  }
  await selectForWrite(el, mode);
  typeAtSelection(el, text, input);
  await nextFrame();
  return readEditable(el).includes(text.split('\n')[0]!);
}

/** An adapter's input path and the writeComposer that follows it. */
export function editorInput(input: EditorInput): Pick<PlatformAdapter, 'input' | 'writeComposer'> {
  return { input, writeComposer: (el, text, mode) => writeText(input, el as HTMLElement, text, mode) };
}

/** React-controlled textareas ignore a plain `.value =`: the native setter plus an input event reaches their state. */
export function writeTextarea(el: HTMLTextAreaElement | HTMLInputElement, text: string, mode: WriteMode): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  const start = mode === 'replace' ? 0 : (el.selectionStart ?? el.value.length);
  const end = mode === 'replace' ? el.value.length : (el.selectionEnd ?? el.value.length);
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  el.focus();
  setter ? setter.call(el, next) : (el.value = next);
  el.setSelectionRange(start + text.length, start + text.length);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Text of a contenteditable as the user sees it, one line per block. */
export function readEditable(el: Element): string {
  if (isTextField(el)) return el.value;
  const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
  return text.replace(/\u200b/g, '').replace(/\n$/, '');
}

/**
 * Replaces [start, end) of the composer's text (as composerText counts it) with `text`, through the
 * editor's own input path: a voice fix or an inline ;trigger expansion must reach the editor's model too.
 */
export async function replaceTextRange(el: HTMLElement, start: number, end: number, text: string, input: EditorInput): Promise<boolean> {
  if (isTextField(el)) {
    el.focus();
    el.setSelectionRange(start, end);
    writeTextarea(el, text, 'insert');
    return true;
  }
  const range = domRangeFor(el, start, end);
  if (!range) return false;
  el.focus();
  const selection = el.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  await nextFrame();
  typeAtSelection(el, text, input);
  await nextFrame();
  return true;
}

interface TextMap {
  text: string;
  /** Each text node with the offset of its first character in `text`. */
  nodes: { node: Text; start: number }[];
}

/** The composer's text with block boundaries as line breaks, and where each text node sits in it. */
export function composerTextMap(el: Element): TextMap {
  let text = '';
  const nodes: TextMap['nodes'] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        nodes.push({ node: child as Text, start: text.length });
        text += (child as Text).data;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'BR') {
          text += '\n';
          continue;
        }
        if (BLOCKS.has(tag) && text && !text.endsWith('\n')) text += '\n';
        walk(child);
      }
    }
  };
  walk(el);
  return { text, nodes };
}

export function composerText(el: Element): string {
  if (isTextField(el)) return el.value;
  return composerTextMap(el).text;
}

/** A DOM Range covering [start, end) of composerText(el), for highlights and for replacing text. */
export function domRangeFor(el: Element, start: number, end: number, map = composerTextMap(el)): Range | null {
  const locate = (offset: number, preferNext: boolean) => {
    let found: { node: Text; offset: number } | null = null;
    for (const { node, start: s } of map.nodes) {
      const e = s + node.data.length;
      if (offset >= s && offset <= e) {
        found = { node, offset: offset - s };
        if (!(preferNext && offset === e)) break;
      }
    }
    return found;
  };
  const a = locate(start, true);
  const b = locate(end, false);
  if (!a || !b) return null;
  const range = el.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
