import type { PlatformId } from './schema';
import { adLabels } from './x/selectors';

/** Interface words an adapter reads (X's "Sponsorisé"): a page report keeps them, masking every other text. */
export const uiLabels: Partial<Record<PlatformId, ReadonlySet<string>>> = { x: adLabels };
