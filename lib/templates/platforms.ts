/** The platforms as the adapters define them; `{{platform}}` renders the name users know. */
export { platformId, type PlatformId } from '../platforms/schema';
export { platformNames as PLATFORM_NAMES } from '../platforms/types';
