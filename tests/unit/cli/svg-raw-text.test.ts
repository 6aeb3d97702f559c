import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSvgStyleAsMarkup } from '../../../lib/cli/svg-raw-text';

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

function parse(body: string): Document {
  window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  window.document.write(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

const PAGE = '<svg viewBox="0 0 20 20"><style>.snoo { fill: #ff4500; }</style><script>var n = 1 &amp;&amp; 2;</script><circle class="snoo" r="10"></circle></svg><p id="after">after</p>';

// In file order: the parser is the module's, patched once for the whole process as the command line does.
describe('parseSvgStyleAsMarkup', () => {
  it('is needed: happy-dom’s own parser drops everything after an SVG’s <style>', () => {
    expect(parse(PAGE).getElementById('after')).toBeNull();
  });

  it('parses an SVG’s <style> and <script> as the browser does, and the rest of the page', () => {
    parseSvgStyleAsMarkup();
    parseSvgStyleAsMarkup();
    const doc = parse(PAGE);
    expect(doc.getElementById('after')?.textContent).toBe('after');
    const svg = doc.querySelector('svg')!;
    expect(Array.from(svg.children, (c) => c.localName)).toEqual(['style', 'script', 'circle']);
    expect(svg.querySelector('style')?.textContent).toBe('.snoo { fill: #ff4500; }');
    // Foreign content is markup: its character references are decoded, unlike an HTML <script>'s.
    expect(svg.querySelector('script')?.textContent).toBe('var n = 1 && 2;');
  });

  it('leaves HTML <style> and <script> raw text', () => {
    parseSvgStyleAsMarkup();
    const doc = parse('<style>p > b::after { content: "<i>" }</style><script type="text/plain">if (a < b && c) {}</script><p id="after">after</p>');
    expect(doc.querySelector('style')?.textContent).toBe('p > b::after { content: "<i>" }');
    expect(doc.querySelector('script')?.textContent).toBe('if (a < b && c) {}');
    expect(doc.querySelector('i')).toBeNull();
    expect(doc.getElementById('after')).not.toBeNull();
  });
});
