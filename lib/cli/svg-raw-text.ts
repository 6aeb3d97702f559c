/**
 * A happy-dom 21 parser bug that loses the rest of a saved page. Its parser reads the content of
 * every <style> and <script> as raw text up to the matching end tag, and compares that end tag with
 * the element's tagName in upper case; inside <svg> the element is an SVG one whose tagName stays
 * "style", so the end tag never matches and everything after an SVG icon's <style> (the page's
 * comments included) is dropped. In a browser, <style> and <script> inside <svg> are foreign
 * elements whose content is parsed as any other markup (HTML standard, "in foreign content"); an
 * icon carrying its own <style> is common inside the components' shadow roots a saved page holds.
 *
 * The fix tells the parser such an element is no raw-text element: the content model it looks up by
 * name is taken away for the length of that one call. Installed once, by the command line only.
 */
import HTMLElementConfig from 'happy-dom/lib/config/HTMLElementConfig.js';
import HTMLParser from 'happy-dom/lib/html-parser/HTMLParser.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const RAW_TEXT = new Set(['style', 'script']);

type EndOfStartTag = (this: { nextElement: Element | null }, attributes: string, selfClosed: boolean) => void;
const parser = HTMLParser.prototype as unknown as { parseEndOfStartTag?: EndOfStartTag; vigieSvgRawText?: true };
const config = HTMLElementConfig as Record<string, (typeof HTMLElementConfig)[string] | undefined>;

export function parseSvgStyleAsMarkup(): void {
  const original = parser.parseEndOfStartTag;
  // Another happy-dom release may parse differently: the unit test says whether the bug is back.
  if (!original || parser.vigieSvgRawText) return;
  parser.vigieSvgRawText = true;
  parser.parseEndOfStartTag = function (attributes, selfClosed) {
    const el = this.nextElement;
    if (el?.namespaceURI !== SVG_NS || !RAW_TEXT.has(el.localName)) return original.call(this, attributes, selfClosed);
    const saved = config[el.localName];
    config[el.localName] = undefined;
    try {
      return original.call(this, attributes, selfClosed);
    } finally {
      config[el.localName] = saved;
    }
  };
}
