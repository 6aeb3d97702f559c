// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { perTurn, readText } from '../../../lib/platforms/dom';

describe('perTurn', () => {
  const KEY = Symbol('test');
  it('works a value out once for a run of reads, again in the next turn or when its stamp changed', async () => {
    let built = 0;
    const get = (stamp: string) => perTurn(document, KEY, stamp, () => ++built);
    expect([get('a'), get('a'), get('a')]).toEqual([1, 1, 1]);
    // The caller changed the page within the run: a new stamp.
    expect(get('b')).toBe(2);
    await Promise.resolve();
    // The next turn: the platform may have re-rendered meanwhile.
    expect(get('b')).toBe(3);
    expect(perTurn(document, Symbol('other'), 'b', () => 'own')).toBe('own');
  });
});

describe('readText', () => {
  const cases: [string, string, number?][] = [
    ['Merci pour votre retour', 'Merci pour votre retour'],
    ['<span>Trois semaines</span> <span>sans nouvelles</span>', 'Trois semaines sans nouvelles'],
    ['<span><a href="/x">@sav</a> une <b>honte</b></span>', '@sav une honte'],
    ['  <span>  espaces autour  </span>  ', 'espaces autour'],
    ['Super <img alt="👍" src="e.png"> merci', 'Super 👍 merci'],
    ['ligne 1<br>ligne 2', 'ligne 1\nligne 2'],
    ['<div>premier</div><div>second</div>', 'premier\nsecond'],
    ['<span>un</span><p>deux</p>', 'un\ndeux'],
    ['<span>texte</span><script>alert(1)</script><style>b{}</style>', 'texte'],
    ['avant<template><span>caché</span></template>après', 'avantaprès'],
    ['<span>abcdef</span>ghij', 'abcd', 4],
    ['<span>ab</span><br>cdef', 'ab\nc', 4],
    ['', ''],
  ];
  it.each(cases)('%s', (html, expected, max) => {
    const el = document.createElement('div');
    el.innerHTML = html;
    expect(readText(el, max)).toBe(expected);
  });
  it('reads nothing from nothing', () => expect(readText(null)).toBe(''));
});
