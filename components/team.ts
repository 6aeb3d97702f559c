import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { TEAM_KEY, teamMirror, type TeamMirror } from '../lib/team/state';

/** The team connection as the background mirrors it, live; undefined outside a workspace. */
export function useTeam(): TeamMirror | undefined {
  const [team, setTeam] = useState<TeamMirror>();
  useEffect(() => {
    const read = (value: unknown) => {
      const parsed = teamMirror.safeParse(value);
      setTeam(parsed.success ? parsed.data : undefined);
    };
    void browser.storage.local.get(TEAM_KEY).then((r) => read(r[TEAM_KEY]));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && TEAM_KEY in changes) read(changes[TEAM_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return team;
}
