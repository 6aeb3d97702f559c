import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { attachDeclarativeShadowRoots, isValidShadowHost } from '../../../lib/cli/dsd';

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

/** A document parsed as the command line parses a saved page (lib/cli/scan.ts), shadow roots attached. */
function parse(body: string): { doc: Document; attached: number } {
  window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  const doc = window.document as unknown as Document;
  return { doc, attached: attachDeclarativeShadowRoots(doc) };
}

const byId = (doc: Document, id: string) => doc.getElementById(id)!;

describe('attachDeclarativeShadowRoots', () => {
  it('turns a template into its host’s shadow root, which leaves the light DOM as the browser has it', () => {
    const { doc, attached } = parse('<x-card id="h"><template shadowrootmode="open"><slot name="meta"></slot><p>inside</p></template><div slot="meta" id="m">light</div></x-card>');
    expect(attached).toBe(1);
    const host = byId(doc, 'h');
    expect(host.firstElementChild?.id).toBe('m');
    expect(host.children).toHaveLength(1);
    expect(doc.querySelectorAll('template')).toHaveLength(0);
    expect(host.shadowRoot?.mode).toBe('open');
    expect(host.shadowRoot?.querySelector('p')?.textContent).toBe('inside');
    expect(host.shadowRoot?.querySelector('slot')?.getAttribute('name')).toBe('meta');
  });

  it('gives the shadow root the template’s options', () => {
    const { doc } = parse(
      '<div id="a"><template shadowrootmode="open" shadowrootserializable shadowrootclonable shadowrootdelegatesfocus></template></div><div id="b"><template shadowrootmode="open"></template></div>',
    );
    expect(byId(doc, 'a').shadowRoot).toMatchObject({ mode: 'open', serializable: true, clonable: true, delegatesFocus: true });
    expect(byId(doc, 'b').shadowRoot).toMatchObject({ mode: 'open', serializable: false, clonable: false, delegatesFocus: false });
  });

  it('attaches a closed root, hidden from host.shadowRoot as in a browser, and the mode in any case', () => {
    const { doc, attached } = parse('<x-a id="a"><template shadowrootmode="closed"><p>c</p></template>light</x-a><x-b id="b"><template shadowrootmode="OPEN"><p>o</p></template></x-b>');
    expect(attached).toBe(2);
    expect(byId(doc, 'a').shadowRoot).toBeNull();
    expect(byId(doc, 'a').childNodes).toHaveLength(1);
    expect(byId(doc, 'a').textContent).toBe('light');
    expect(byId(doc, 'b').shadowRoot?.textContent).toBe('o');
  });

  it('attaches the roots declared inside the shadow roots it creates, at any depth', () => {
    const { doc, attached } = parse(
      '<x-outer id="o"><template shadowrootmode="open"><x-mid id="m"><template shadowrootmode="open"><x-in id="i"><template shadowrootmode="closed"><b>deep</b></template></x-in></template>mid light</x-mid></template></x-outer>',
    );
    expect(attached).toBe(3);
    const mid = byId(doc, 'o').shadowRoot!.getElementById('m')!;
    expect(mid.textContent).toBe('mid light');
    const inner = mid.shadowRoot!.getElementById('i')!;
    expect(inner.childNodes).toHaveLength(0);
    expect(inner.shadowRoot).toBeNull();
  });

  it('leaves a second template of the same host in place, as the parser does', () => {
    const { doc, attached } = parse('<x-a id="a"><template shadowrootmode="open"><p>first</p></template><template shadowrootmode="open"><p>second</p></template><i>light</i></x-a>');
    expect(attached).toBe(1);
    const host = byId(doc, 'a');
    expect(host.shadowRoot?.textContent).toBe('first');
    expect(host.firstElementChild?.localName).toBe('template');
    expect((host.firstElementChild as HTMLTemplateElement).content.textContent).toBe('second');
  });

  it('leaves templates on elements that cannot host a shadow root, and ones whose mode is neither open nor closed', () => {
    const { doc, attached } = parse(
      [
        '<ul id="ul"><template shadowrootmode="open"><li>x</li></template></ul>',
        '<a id="a" href="#"><template shadowrootmode="open">x</template></a>',
        '<button id="btn"><template shadowrootmode="open">x</template></button>',
        '<font-face id="ff"><template shadowrootmode="open">x</template></font-face>',
        '<div id="bogus"><template shadowrootmode="bogus">x</template></div>',
        '<div id="space"><template shadowrootmode=" open">x</template></div>',
        '<div id="plain"><template><p>x</p></template></div>',
      ].join(''),
    );
    expect(attached).toBe(0);
    for (const id of ['ul', 'a', 'btn', 'ff', 'bogus', 'space', 'plain']) expect(byId(doc, id).firstElementChild?.localName, id).toBe('template');
  });

  it('attaches roots declared inside a template that stays one, as Chromium does', () => {
    const { doc, attached } = parse('<template id="t"><div id="d"><template shadowrootmode="open"><p>x</p></template>light</div></template>');
    expect(attached).toBe(1);
    const div = (byId(doc, 't') as HTMLTemplateElement).content.querySelector('#d')!;
    expect(div.childNodes).toHaveLength(1);
    expect(div.shadowRoot?.textContent).toBe('x');
  });

  it('does not take a template directly inside a shadow root for one on its host', () => {
    const { doc, attached } = parse('<x-a id="a"><template shadowrootmode="open"><template shadowrootmode="open"><p>x</p></template></template></x-a>');
    expect(attached).toBe(1);
    expect(byId(doc, 'a').shadowRoot?.firstElementChild?.localName).toBe('template');
  });
});

describe('isValidShadowHost', () => {
  it('takes custom element names and the standard’s list, nothing else', () => {
    window = new Window();
    const doc = window.document as unknown as Document;
    const ok = ['x-a', 'shreddit-comment', 'faceplate-tracker', 'emotion-😍', 'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span'];
    const no = ['a', 'ul', 'li', 'button', 'img', 'table', 'template', 'font-face', 'annotation-xml', 'missing-glyph', 'xa'];
    for (const name of ok) expect(isValidShadowHost(doc.createElement(name)), name).toBe(true);
    for (const name of no) expect(isValidShadowHost(doc.createElement(name)), name).toBe(false);
    expect(isValidShadowHost(doc.createElementNS('http://www.w3.org/2000/svg', 'x-a'))).toBe(false);
  });
});
