/** Reply length per platform: one definition, in lib/platforms/limits.ts, shared with the voice check. */
export { fitsPlatform, PLATFORM_LIMITS, type LengthCheck } from '../platforms/limits';
