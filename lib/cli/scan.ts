import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import { adapters } from '../platforms/registry';
import { platformId } from '../platforms/schema';
import { attachDeclarativeShadowRoots } from './dsd';
import { readPage } from './read-page';
import { parseSvgStyleAsMarkup } from './svg-raw-text';
import { CliError, printJson, readTextFile, type CommandGroup } from './io';

/** Where a saved page came from: Chrome's "saved from" mark, the canonical link, or og:url. */
function savedUrl(html: string, doc: Document): string | undefined {
  const mark = /<!-- saved from url=\(\d+\)(\S+?) -->/.exec(html.slice(0, 2000))?.[1];
  return mark ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
}

function reportPlatform(html: string): string | undefined {
  const meta = /<!-- (\{"format":"vigie-page-report".*?\}) -->/.exec(html.slice(0, 4000))?.[1];
  if (!meta) return undefined;
  try {
    return (JSON.parse(meta) as { platform?: string }).platform;
  } catch {
    return undefined;
  }
}

export const commands: CommandGroup = {
  scan: {
    usage: 'scan [--platform P] [--url URL] FILE.html',
    summary: 'run a platform adapter on a saved page or a page report: {platform, comments, composers}',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { platform: { type: 'string' }, url: { type: 'string' } } });
      const file = positionals[0];
      if (!file) throw new CliError('usage: scan [--platform P] [--url URL] FILE.html');
      const html = readTextFile(file);
      // A page report (lib/page/report.ts) names its platform; a page saved by a browser does not.
      const id = platformId.safeParse(values.platform ?? reportPlatform(html));
      if (!id.success) throw new CliError(`--platform must be one of ${platformId.options.join(', ')}`);
      const adapter = adapters.find((a) => a.id === id.data);
      if (!adapter) throw new CliError(`no adapter for ${id.data} yet`);

      parseSvgStyleAsMarkup();
      const window = new Window({
        settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, navigation: { disableMainFrameNavigation: true } },
      });
      const probe = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      const url = values.url ?? savedUrl(html, probe);
      if (url) window.happyDOM.setURL(url);
      window.document.write(html);
      const doc = window.document as unknown as Document;
      // The browser's parser attaches declarative shadow roots, happy-dom's does not (./dsd.ts).
      attachDeclarativeShadowRoots(doc);

      const read = readPage(adapter, doc);
      await window.happyDOM.close();
      printJson({ platform: adapter.id, url: url ?? null, ...read });
    },
  },
};
