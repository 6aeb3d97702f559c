/** The reply-template engine: pure, no browser API, the same in Node and in a content script. */
export { customField, fieldKind, langCode, languagesOf, template, templateCategory, triggerText } from './model';
export type { CustomField, Template, TemplateCategory, TemplateInput } from './model';
export { PLATFORM_NAMES, platformId, type PlatformId } from './platforms';
export { pickLanguage, render, renderVars } from './render';
export type { RenderableTemplate, RenderOptions, RenderResult, RenderVars } from './render';
export { compile, variablesOf, type SyntaxIssue } from './syntax';
export { builtInPaths, isBuiltIn } from './variables';
export { guessFirstName } from './firstname';
export { rankTemplates, type RankComment, type RankContext, type Ranked, type Reason } from './rank';
export { findTrigger, type TriggerMatch } from './trigger';
export { fitsPlatform, PLATFORM_LIMITS, type LengthCheck } from './limits';
export { exportCsv, exportJson, importCsv, importJson, importTemplates, type ImportIssue, type ImportResult } from './io';
export { starterTemplates, type StarterOptions } from './starter';
