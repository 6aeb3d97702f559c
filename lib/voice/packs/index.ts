import { parsePack, type VoicePack } from '../pack';
import crisis from './crisis.json';
import en from './en.json';
import fr from './fr.json';

export const builtInPackNames = ['fr', 'en', 'crisis'] as const;
export type BuiltInPackName = (typeof builtInPackNames)[number];

function load(name: string, json: unknown): VoicePack {
  const parsed = parsePack(json);
  // Built-in packs ship with the code; the unit tests keep them valid, so a failure here is a build bug.
  if (!parsed.ok) throw new Error(`built-in voice pack "${name}" is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.pack;
}

export const builtInPacks: Record<BuiltInPackName, VoicePack> = {
  fr: load('fr', fr),
  en: load('en', en),
  crisis: load('crisis', crisis),
};

export function isBuiltInPackName(name: string): name is BuiltInPackName {
  return (builtInPackNames as readonly string[]).includes(name);
}

export function loadBuiltInPack(name: string): VoicePack | undefined {
  return isBuiltInPackName(name) ? builtInPacks[name] : undefined;
}
