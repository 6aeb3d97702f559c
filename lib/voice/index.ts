export { applyFixes, check, ignoreForBrandKey, ignoreHereKey, summarize, type FixResult } from './engine';
export type { CheckContext, SentimentVerdict } from './context';
export { compilePack, type CompiledPack } from './compile';
export { finding, parsePack, voicePack, type Finding, type PackError, type Rule, type Severity, type VoicePack } from './pack';
export { builtInPacks, loadBuiltInPack, builtInPackNames, type BuiltInPackName } from './packs/index';
export { PLATFORM_LIMITS } from '../platforms/limits';
