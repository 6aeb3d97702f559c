import { describe, expect, it } from 'vitest';
import { auditCsv, auditRows } from '../../../lib/team/audit';

const comment = { platform: 'x', nativeId: '1', author: { name: 'Marie' }, text: '=HYPERLINK("http://evil")', threadUrl: 'https://x.com/a/status/1' };
const docs = [
  { _id: 'flag:x:1', type: 'flag', v: 1, by: 'tom', at: 1_000, commentId: 'x:1', comment, reason: 'menace' },
  { _id: 'claim:x:1', _deleted: true, type: 'claim', v: 1, by: 'lea', at: 3_000, commentId: 'x:1', comment, expiresAt: 4_000 },
  { _id: 'timeline:i1:u1', type: 'timeline', v: 1, by: 'lea', at: 2_000, incidentId: 'i1', entry: { kind: 'note', text: 'Appel au transporteur' } },
  { _id: 'flag:x:bad', type: 'flag', v: 1, by: 'tom', at: 5_000 },
];

describe('the workspace audit', () => {
  it('lists valid documents newest first, with who, what and whether it was withdrawn', () => {
    expect(auditRows(docs)).toEqual([
      { at: 3_000, by: 'lea', type: 'claim', id: 'claim:x:1', action: 'withdrawn', what: 'Marie: =HYPERLINK("http://evil")' },
      { at: 2_000, by: 'lea', type: 'timeline', id: 'timeline:i1:u1', action: 'written', what: 'note: Appel au transporteur' },
      { at: 1_000, by: 'tom', type: 'flag', id: 'flag:x:1', action: 'written', what: 'Marie: =HYPERLINK("http://evil") (menace)' },
    ]);
  });

  it('writes CSV a spreadsheet opens as text, never running page text as a formula', () => {
    const csv = auditCsv(auditRows(docs.slice(0, 1)));
    expect(csv).toBe('\ufeffat,by,type,action,id,what\r\n1970-01-01T00:00:01.000Z,tom,flag,written,flag:x:1,"Marie: =HYPERLINK(""http://evil"") (menace)"\r\n');
    const hostile = auditCsv([{ at: 0, by: 'tom', type: 'flag', action: 'written', id: 'flag:x:2', what: '=1+1' }]);
    expect(hostile).toContain(",'=1+1\r\n");
  });
});
