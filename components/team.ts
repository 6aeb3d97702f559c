import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Answer } from '../lib/messaging/protocol';
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

/**
 * A lead's brands and response targets go to the whole team. Other roles keep their change here
 * only: the server would refuse it, so it is never sent.
 */
export async function publishForLead(kind: 'brand' | 'responseTargets', id: string, withdraw = false): Promise<void> {
  const parsed = teamMirror.safeParse((await browser.storage.local.get(TEAM_KEY))[TEAM_KEY]);
  if (!parsed.success || parsed.data.role !== 'lead') return;
  const answer = (await browser.runtime.sendMessage({ type: 'ui:team-publish', kind, id, ...(withdraw ? { withdraw } : {}) })) as Answer<'ui:team-publish'>;
  if (!answer.ok) throw new Error(answer.error.message);
}
