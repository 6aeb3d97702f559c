import { startContentScript } from '../lib/page/start';
import { xAdapter } from '../lib/platforms/x/adapter';
import { matchPatterns } from '../lib/platforms/x/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, xAdapter);
  },
});
