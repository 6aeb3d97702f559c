import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../lib/db';
import { getSetting } from '../lib/db/settings';
import { defaultSetting, type SettingKey, type SettingValue } from '../lib/settings/schema';

/** A setting, live: a change saved in the options page shows at once in the popup and side panel. */
export function useSetting<K extends SettingKey>(key: K): SettingValue<K> {
  return useLiveQuery(() => getSetting(getDb(), key), [key]) ?? defaultSetting(key);
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
