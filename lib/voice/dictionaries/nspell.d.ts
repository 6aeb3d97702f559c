declare module 'nspell' {
  export interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    /** The affix file's REP pairs: common misspellings, [typed, meant]. */
    replacementTable: [string, string][];
    /** The affix file's TRY characters, most frequent first, and KEY rows of neighbouring keys. */
    flags: { TRY: string[]; KEY: string[] };
    /** Every form of the dictionary, its affixes expanded, to its flags. */
    data: Record<string, unknown>;
  }
  function nspell(dictionary: { aff: string | Uint8Array; dic: string | Uint8Array }): NSpell;
  export default nspell;
}
