import { startContentScript } from '../lib/page/start';
import { facebookAdapter } from '../lib/platforms/facebook/adapter';
import { matchPatterns } from '../lib/platforms/facebook/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, facebookAdapter);
  },
});
