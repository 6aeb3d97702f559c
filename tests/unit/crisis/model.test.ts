import { describe, expect, it } from 'vitest';
import {
  attachOrOpen,
  CrisisInputError,
  escalate,
  incident as incidentSchema,
  isCrisisMode,
  openIncident,
  setStatus,
  severityDefinitions,
  threadKeyFor,
  tickChecklist,
  timelineEntry,
  type EscalationInput,
  type Incident,
} from '../../../lib/crisis/model';
import { defaultPlaybook } from '../../../lib/crisis/playbooks';

const now = new Date('2026-11-02T09:30:00.000Z');
let n = 0;
const ids = () => `inc-${++n}`;

describe('threadKeyFor', () => {
  const same: [string, string, string][] = [
    ['twitter.com and x.com', 'https://twitter.com/Brand/status/1850000000000000001', 'https://x.com/brand/status/1850000000000000001'],
    ['renamed handle, share trackers', 'https://x.com/OldName/status/1850000000000000001?s=20&t=abc', 'https://x.com/NewName/status/1850000000000000001'],
    ['photo suffix and mobile host', 'https://mobile.twitter.com/a/status/1850000000000000001/photo/1', 'https://x.com/a/status/1850000000000000001'],
    ['fragment, trailing slash, www', 'https://www.example.com/blog/post/#comments', 'https://example.com/blog/post'],
    ['utm and fbclid', 'https://www.facebook.com/Brand/posts/pfbid02abc?utm_source=x&fbclid=IwAR0&__cft__[0]=zz', 'https://facebook.com/Brand/posts/pfbid02abc'],
    ['facebook comment id', 'https://m.facebook.com/story.php?story_fbid=123&id=456&comment_id=789', 'https://www.facebook.com/story.php?id=456&story_fbid=123'],
    ['youtube watch, share link and comment', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxAbc&t=42s', 'https://youtu.be/dQw4w9WgXcQ?si=xyz'],
    ['youtube shorts', 'https://youtube.com/shorts/abc123', 'https://m.youtube.com/watch?v=abc123'],
    ['reddit comment permalink and old reddit', 'https://www.reddit.com/r/france/comments/1abcde/mon_titre/kx9z1/?context=3', 'https://old.reddit.com/r/France/comments/1abcde/'],
    ['instagram comment', 'https://www.instagram.com/p/C0abc/c/1789/', 'https://instagram.com/reel/C0abc/?igsh=MWQ'],
    ['linkedin comment urn', 'https://www.linkedin.com/feed/update/urn:li:activity:7/?commentUrn=urn%3Ali%3Acomment%3A1', 'https://linkedin.com/feed/update/urn:li:activity:7'],
  ];
  it.each(same)('%s give one key', (_, a, b) => {
    expect(threadKeyFor({ platform: 'x', threadUrl: a })).toBe(threadKeyFor({ platform: 'x', permalink: b }));
  });

  const different: [string, string, string][] = [
    ['two statuses', 'https://x.com/a/status/1', 'https://x.com/a/status/2'],
    ['two videos', 'https://www.youtube.com/watch?v=aaa', 'https://www.youtube.com/watch?v=bbb'],
    ['meaningful query kept', 'https://forum.example.com/thread?id=1', 'https://forum.example.com/thread?id=2'],
    ['a forum topic id is not a tracker', 'https://forum.example.com/viewtopic.php?t=1', 'https://forum.example.com/viewtopic.php?t=2'],
    ['path case matters off known platforms', 'https://example.com/Post', 'https://example.com/post'],
    ['a /watch/ path off YouTube is not a video', 'https://example.com/watch/abc', 'https://youtube.com/watch?v=abc'],
  ];
  it.each(different)('%s stay apart', (_, a, b) => {
    expect(threadKeyFor({ platform: 'x', threadUrl: a })).not.toBe(threadKeyFor({ platform: 'x', threadUrl: b }));
  });

  it('reads well and falls back to the topic', () => {
    expect(threadKeyFor({ platform: 'x', threadUrl: 'https://twitter.com/Brand/status/42?s=20#r' })).toBe('thread:x.com/i/status/42');
    expect(threadKeyFor({ platform: 'x', topic: '  #Rappel   Produit X ' })).toBe('topic:rappel produit x');
    expect(() => threadKeyFor({ platform: 'x' })).toThrow(CrisisInputError);
    expect(() => threadKeyFor({ platform: 'x', threadUrl: 'not a url' })).toThrow(/not a URL/);
  });
});

const escalation = (over: Partial<EscalationInput> = {}): EscalationInput => ({
  platform: 'x',
  permalink: 'https://x.com/client/status/1850000000000000001',
  severity: 2,
  category: 'product-safety',
  commentId: 'x:1850000000000000001',
  commentText: 'Le chargeur a pris feu chez moi, scandale',
  by: 'camille',
  ...over,
});

describe('incidents', () => {
  it('opens a valid incident with the playbook checklist in the moderator language', () => {
    const { incident, timeline } = openIncident(escalation(), defaultPlaybook, now, ids);
    expect(incidentSchema.parse(incident)).toEqual(incident);
    for (const e of timeline) timelineEntry.parse(e);
    expect(incident).toMatchObject({ status: 'open', severity: 2, owner: 'camille', threadKey: 'thread:x.com/i/status/1850000000000000001' });
    expect(incident.title).toBe('Escalade x: Le chargeur a pris feu chez moi, scandale');
    expect(incident.checklist.map((c) => c.text)).toContain('Ne pas supprimer les critiques ni bloquer leurs auteurs');
    expect(incident.checklist.every((c) => !c.done)).toBe(true);
    expect(timeline.map((t) => t.kind)).toEqual(['created', 'escalation', 'comment-linked']);
    expect(timeline[2]!.ref).toBe('x:1850000000000000001');
    const en = openIncident(escalation({ lang: 'en', title: 'Charger fire' }), defaultPlaybook, now, ids).incident;
    expect(en.checklist[0]!.text).toBe('Assign roles');
    expect(en.title).toBe('Charger fire');
  });

  it('attaches a second escalation of the same thread (from another tab, via twitter.com) to the same incident', () => {
    const first = escalate([], escalation(), defaultPlaybook, now, ids);
    expect(first.created).toBe(true);
    const second = escalate(
      [first.incident],
      escalation({ permalink: 'https://twitter.com/Client/status/1850000000000000001?s=46', severity: 3, commentId: 'x:99' }),
      defaultPlaybook,
      now,
      ids,
    );
    expect(second.created).toBe(false);
    expect(second.incident.id).toBe(first.incident.id);
    expect(second.incident.severity).toBe(3);
    expect(second.timeline.map((t) => t.kind)).toEqual(['escalation', 'comment-linked', 'severity']);
    // Never lowers severity on its own.
    const third = escalate([second.incident], escalation({ severity: 1 }), defaultPlaybook, now, ids);
    expect(third.incident.severity).toBe(3);
  });

  it('attaches by topic across threads, never to a resolved incident, and picks the same one in every tab', () => {
    const a = openIncident(escalation({ topic: 'Rappel chargeur' }), defaultPlaybook, now, ids).incident;
    const other = escalation({ permalink: 'https://www.facebook.com/brand/posts/1', platform: 'facebook', topic: '#rappel CHARGEUR' });
    expect(attachOrOpen([a], other)).toEqual({ action: 'attach', incident: a });
    const resolved = setStatus(a, 'resolved', now).incident;
    expect(attachOrOpen([resolved], other)).toEqual({ action: 'open', threadKey: 'thread:facebook.com/brand/posts/1' });
    const older = { ...a, id: 'older', createdAt: '2026-11-01T00:00:00.000Z' };
    const severe = { ...a, id: 'severe', severity: 4 as const };
    expect(attachOrOpen([a, older, severe], other)).toMatchObject({ incident: { id: 'severe' } });
    expect(attachOrOpen([a, older], other)).toMatchObject({ incident: { id: 'older' } });
  });

  it('refuses an escalation with nothing to attach it to, naming the field', () => {
    expect(() => attachOrOpen([], { platform: 'x', severity: 2, category: 'legal' })).toThrow(/threadUrl: an escalation needs/);
    expect(() => attachOrOpen([], escalation({ severity: 5 as never }))).toThrow(/severity/);
    expect(() => attachOrOpen([], escalation({ permalink: 'javascript:alert(1)' }))).toThrow(/permalink/);
  });

  it('ticks checklist items with who and when, and resolves with a time', () => {
    const { incident } = openIncident(escalation(), defaultPlaybook, now, ids);
    const ticked = tickChecklist(incident, 'holding-statement', true, now, 'lea');
    expect(ticked.incident.checklist.find((c) => c.id === 'holding-statement')).toMatchObject({ done: true, doneBy: 'lea', doneAt: now.toISOString() });
    expect(ticked.entry).toMatchObject({ kind: 'checklist', ref: 'holding-statement' });
    const unticked = tickChecklist(ticked.incident, 'holding-statement', false, now);
    expect(unticked.incident.checklist.find((c) => c.id === 'holding-statement')).toEqual({ id: 'holding-statement', text: 'Publier une déclaration d’attente', done: false });
    expect(() => tickChecklist(incident, 'nope', true, now)).toThrow(/no checklist item "nope"/);
    const resolved = setStatus(incident, 'resolved', now);
    expect(resolved.incident.resolvedAt).toBe(now.toISOString());
    expect(setStatus(resolved.incident, 'open', now).incident.resolvedAt).toBeUndefined();
  });
});

describe('crisis mode', () => {
  const inc = (severity: Incident['severity'], status: Incident['status']) => ({ severity, status });
  it.each([
    [[], false],
    [[inc(1, 'open')], false],
    [[inc(2, 'open')], true],
    [[inc(4, 'monitoring')], true],
    [[inc(4, 'resolved'), inc(1, 'open')], false],
    [[inc(3, 'resolved'), inc(2, 'monitoring')], true],
  ] as const)('%j → %s', (incidents, expected) => {
    expect(isCrisisMode(incidents)).toBe(expected);
  });
});

describe('severity definitions', () => {
  it('define every level in both languages, level 4 being a major crisis', () => {
    for (const level of [1, 2, 3, 4] as const) {
      for (const l of ['fr', 'en'] as const) expect(severityDefinitions[level][l].definition.length).toBeGreaterThan(40);
    }
    expect(severityDefinitions[4].en.name).toBe('Major crisis');
  });
});
