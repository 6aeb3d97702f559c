import { startContentScript } from '../lib/page/start';
import { linkedinAdapter } from '../lib/platforms/linkedin/adapter';
import { matchPatterns } from '../lib/platforms/linkedin/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, linkedinAdapter);
  },
});
