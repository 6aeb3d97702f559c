import { startContentScript } from '../lib/page/start';
import { blueskyAdapter } from '../lib/platforms/bluesky/adapter';
import { matchPatterns } from '../lib/platforms/bluesky/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, blueskyAdapter);
  },
});
