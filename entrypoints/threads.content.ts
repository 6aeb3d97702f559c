import { startContentScript } from '../lib/page/start';
import { threadsAdapter } from '../lib/platforms/threads/adapter';
import { matchPatterns } from '../lib/platforms/threads/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, threadsAdapter);
  },
});
