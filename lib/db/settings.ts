import { defaultSetting, parseSetting, type SettingKey, type SettingValue } from '../settings/schema';
import type { VigieDb } from './schema';

/** A stored value that no longer parses (an older version wrote it) falls back to the default rather than breaking the page. */
export async function getSetting<K extends SettingKey>(db: VigieDb, key: K): Promise<SettingValue<K>> {
  const row = await db.settings.get(key);
  if (row === undefined) return defaultSetting(key);
  try {
    return parseSetting(key, row.value);
  } catch {
    return defaultSetting(key);
  }
}

/** Validates, then stores; throws SettingError with the key and reason, storing nothing. */
export async function saveSetting<K extends SettingKey>(db: VigieDb, key: K, value: unknown): Promise<SettingValue<K>> {
  const parsed = parseSetting(key, value);
  await db.settings.put({ key, value: parsed });
  return parsed;
}
