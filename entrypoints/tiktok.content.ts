import { startContentScript } from '../lib/page/start';
import { tiktokAdapter } from '../lib/platforms/tiktok/adapter';
import { matchPatterns } from '../lib/platforms/tiktok/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, tiktokAdapter);
  },
});
