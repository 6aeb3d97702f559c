import { extractArticle } from '../lib/background/article';

/** Injected on demand (scripting.executeScript) into the tab being clipped; its return value is the result. */
export default defineUnlistedScript(() => extractArticle(document, location.href));
