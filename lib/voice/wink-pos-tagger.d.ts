declare module 'wink-pos-tagger' {
  export interface TaggedToken {
    value: string;
    /** Penn Treebank tag. */
    pos: string;
  }
  export interface WinkPosTagger {
    tagRawTokens(tokens: string[]): TaggedToken[];
  }
  function posTagger(): WinkPosTagger;
  export default posTagger;
}
