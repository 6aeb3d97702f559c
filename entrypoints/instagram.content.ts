import { startContentScript } from '../lib/page/start';
import { instagramAdapter } from '../lib/platforms/instagram/adapter';
import { matchPatterns } from '../lib/platforms/instagram/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, instagramAdapter);
  },
});
