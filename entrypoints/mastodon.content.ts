import { startContentScript } from '../lib/page/start';
import { isMastodonPage, mastodonAdapter } from '../lib/platforms/mastodon/adapter';

// Not in the manifest: registered at run time for each instance the user adds
// (lib/platforms/mastodon/instances.ts), since Mastodon runs on any domain.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    if (isMastodonPage(document)) startContentScript(ctx, mastodonAdapter);
  },
});
