import { startContentScript } from '../lib/page/start';
import { youtubeAdapter } from '../lib/platforms/youtube/adapter';
import { matchPatterns } from '../lib/platforms/youtube/routes';

export default defineContentScript({
  matches: matchPatterns,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, youtubeAdapter);
  },
});
