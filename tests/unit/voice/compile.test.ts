import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/voice/compile';
import { builtInPacks } from '../../../lib/voice/packs/index';

describe('compilePack', () => {
  it('compiles a pack read again with the same content once, and again when its content changes', () => {
    // What the background does on every check: the same stored packs as new objects.
    const read = () => structuredClone(builtInPacks.fr);
    const first = compilePack(read());
    expect(compilePack(read())).toBe(first);
    const withTerm = { ...read(), vocabulary: [...builtInPacks.fr.vocabulary, 'Vigie'] };
    const other = compilePack(withTerm);
    expect(other).not.toBe(first);
    expect(compilePack(structuredClone(withTerm))).toBe(other);
  });
});
