import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import posTagger from 'wink-pos-tagger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTaggers } from '../../../lib/voice/tagger/browser';
import { createEnglishTagger } from '../../../lib/voice/tagger/en';
import { createTaggerLoader, taggersOf, type TaggerSource } from '../../../lib/voice/tagger/index';
import { englishTaggerData, nodeTaggers, taggerAssets } from '../../../lib/voice/tagger/node';
import { packOf, rule } from './table';

const root = join(import.meta.dirname, '../../..');
const data = englishTaggerData();
// The extension's tagger: built from the file the build writes, as the background parses it.
const [asset] = taggerAssets();
const ours = createEnglishTagger(JSON.parse(asset!.contents));
const wink = posTagger();
const winkTags = (words: string[]) => wink.tagRawTokens([...words]).map((t) => t.pos);

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
/** Every 12 words, so that the context rules see each word among others. */
const windows = (words: string[]) => Array.from({ length: Math.ceil(words.length / 12) }, (_, k) => words.slice(k * 12, k * 12 + 12));
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

describe('the English tagger over its data file', () => {
  it("tags as wink-pos-tagger does: Vale's fixtures, the docs, and every word of the lexicon", () => {
    const prose = [...files(join(root, 'tests/fixtures/vale/testdata/fixtures')).filter((f) => /\.(md|txt)$/.test(f)), join(root, 'README.md'), join(root, 'NOTICE')]
      .flatMap((f) => readFileSync(f, 'utf8').split(/(?<=[.!?])\s+|\n+/))
      .flatMap((line) => [line.split(/\s+/).filter(Boolean), line.match(/[\p{L}\p{N}]+(?:n't)?|'\w+|[^\s\p{L}\p{N}]/gu) ?? []]);
    const lexicon = Object.keys(data.lexicon);
    const odd = ['1990s', 'mid-1920s', '1920s', '3.5', '1/2', '12,000', '...', '--', '(', ']', '“', '…', 'Ai', 'Wo', "n't", "'s", "'ll", 'Aaa', 'aaa', 'unhappy', 'Unhappy', 'Nestlé', 'Paris', 'paris', 'Zorblax', 'zorblaxes', 'running', 'boxes', 'wolves'];
    const sentences = [
      ...prose,
      ...windows(lexicon),
      ...windows(lexicon.map(capital)),
      ...windows(data.words.filter((_, i) => i % 5 === 0)),
      ...windows(data.places.map(capital)),
      ...windows(data.irregular),
      ...windows(odd),
    ].filter((s) => s.length > 0);
    expect(sentences.length).toBeGreaterThan(5000);
    const differ = sentences.filter((s) => ours.tag(s).join(' ') !== winkTags(s).join(' '));
    expect(differ.slice(0, 3).map((s) => ({ words: s.join(' '), ours: ours.tag(s).join(' '), wink: winkTags(s).join(' ') }))).toEqual([]);
  });

  it('keeps the data licences in the file it ships', () => {
    const notice = (JSON.parse(asset!.contents) as { notice: string[] }).notice.join('\n');
    expect(notice).toContain('Copyright (C) 2017-19  GRAYPE Systems Private Limited');
    expect(notice).toContain('fnTBL');
    expect(notice).toContain('WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.');
  });
});

describe('loading the tagger', () => {
  afterEach(() => vi.unstubAllGlobals());

  const sequencePack = packOf([rule({ kind: 'sequence', language: 'en', tokens: [{ tag: 'VBN' }, { pattern: 'by' }] })]);
  const plainPack = packOf([rule({ kind: 'existence', tokens: ['asap'] })]);

  it('once, for the first pack with sequence rules; never for packs without', async () => {
    const asked: string[] = [];
    const taggersFor = createTaggerLoader((id) => (asked.push(id), nodeTaggers(id)));
    expect(taggersOf([plainPack])).toEqual([]);
    expect(await taggersFor([plainPack])).toEqual({});
    expect(asked).toEqual([]);
    const { en } = await taggersFor([plainPack, sequencePack]);
    expect(en!.tag(['It', 'was', 'written', 'by', 'Ada', '.'])).toEqual(['PRP', 'VBD', 'VBN', 'IN', 'NNP', '.']);
    await taggersFor([sequencePack]);
    expect(asked).toEqual(['en']);
  });

  it('a load that failed is tried again at the next check, its rules finding nothing meanwhile', async () => {
    let fail = true;
    const source: TaggerSource = async (id) => {
      if (fail) throw new Error('offline');
      return nodeTaggers(id);
    };
    const taggersFor = createTaggerLoader(source);
    expect(await taggersFor([sequencePack])).toEqual({});
    fail = false;
    expect(Object.keys(await taggersFor([sequencePack]))).toEqual(['en']);
  });

  it('the background fetches the file the build writes, and names it when it is missing', async () => {
    expect(asset!.relativeDest).toBe('taggers/en.json');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url.replace(/^.*?\/\/[^/]+/, ''));
      return url.endsWith(`/${asset!.relativeDest}`) ? new Response(asset!.contents) : new Response('', { status: 404 });
    });
    expect(await browserTaggers('en')).toEqual(data);
    expect(asked).toEqual(['/taggers/en.json']);
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(browserTaggers('en')).rejects.toThrow('tagger file taggers/en.json: HTTP 404');
  });
});
