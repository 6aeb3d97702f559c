import { startContentScript } from '../lib/page/start';
import { redditAdapter } from '../lib/platforms/reddit/adapter';
import { matchPatterns } from '../lib/platforms/reddit/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, redditAdapter);
  },
});
