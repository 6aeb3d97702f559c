import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../lib/db';
import { getSetting } from '../lib/db/settings';
import { defaultSetting, type SettingKey, type SettingValue } from '../lib/settings/schema';

/** One default object per key: a new one each render would re-run every liveQuery that depends on it. */
const defaults = new Map<SettingKey, unknown>();
function fallback<K extends SettingKey>(key: K): SettingValue<K> {
  if (!defaults.has(key)) defaults.set(key, defaultSetting(key));
  return defaults.get(key) as SettingValue<K>;
}

/** A setting, live: a change saved in the options page shows at once in the popup and side panel. */
export function useSetting<K extends SettingKey>(key: K): SettingValue<K> {
  return useLiveQuery(() => getSetting(getDb(), key), [key]) ?? fallback(key);
}

/** The current time, ticking every `ms`, for timers against the response target. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
