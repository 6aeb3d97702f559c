import { describe, expect, it } from 'vitest';
import { findTrigger } from '../../../lib/templates/trigger';

const templates = [
  { id: 'merci', trigger: ';merci' },
  { id: 'mp', trigger: ';mp' },
  { id: 'none' },
  { id: 'slash', trigger: '/retour' },
];

describe('findTrigger', () => {
  it.each([
    [';merci ', 'merci', 0, 6],
    [';merci', 'merci', 0, 6],
    [';merci\t', 'merci', 0, 6],
    ['Bonjour ;merci ', 'merci', 8, 14],
    ['Bonjour\n;mp ', 'mp', 8, 11],
    [';Merci ', 'merci', 0, 6],
    ['ok /retour ', 'slash', 3, 10],
    ['x'.repeat(500) + ' ;mp ', 'mp', 501, 504],
  ])('%j → %s [%i, %i)', (text, id, start, end) => {
    const m = findTrigger(text, templates);
    expect(m).toEqual({ template: expect.objectContaining({ id }), start, end });
    expect(text.slice(m!.start, m!.end).toLowerCase()).toBe(templates.find((t) => t.id === id)!.trigger);
  });

  it.each([
    ['', 'nothing typed'],
    ['merci ', 'no mark'],
    ['a;merci ', 'glued to a word'],
    [';mercii ', 'a longer word'],
    [';merci  ', 'two spaces: the trigger was left behind'],
    ['https://site;merci ', 'inside a URL'],
    [';merci bien', 'the caret is past it'],
    ['x'.repeat(60) + ';mp ', 'glued to a long word beyond the scanned tail'],
  ])('%j → null (%s)', (text) => {
    expect(findTrigger(text, templates)).toBeNull();
  });

  it('picks the first template when two share a trigger', () => {
    expect(findTrigger(';mp ', [{ id: 'a', trigger: ';mp' }, { id: 'b', trigger: ';mp' }])?.template.id).toBe('a');
  });
});
