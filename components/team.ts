import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Answer } from '../lib/messaging/protocol';
import { can, TEAM_KEY, teamMirror, type TeamMirror } from '../lib/team/state';

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
 * A lead's brands and response targets, and the playbook a lead or community manager edits, go to
 * the whole team. Other roles keep their change here only: the server would refuse it, so it is
 * never sent.
 */
export async function publishSetting(kind: 'brand' | 'responseTargets' | 'playbook', id: string, withdraw = false): Promise<void> {
  const parsed = teamMirror.safeParse((await browser.storage.local.get(TEAM_KEY))[TEAM_KEY]);
  const role = parsed.success ? parsed.data.role : undefined;
  if (!(kind === 'playbook' ? can.publish(role) : can.lock(role))) return;
  const answer = (await browser.runtime.sendMessage({ type: 'ui:team-publish', kind, id, ...(withdraw ? { withdraw } : {}) })) as Answer<'ui:team-publish'>;
  if (!answer.ok) throw new Error(answer.error.message);
}
