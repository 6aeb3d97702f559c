import { describe, expect, it } from 'vitest';
import { guessFirstName } from '../../../lib/templates/firstname';

describe('guessFirstName', () => {
  it.each([
    ['Marie Dupont', 'Marie'],
    ['Jean-Pierre Martin', 'Jean-Pierre'],
    ['José Álvarez', 'José'],
    ['Zoë O’Brien', 'Zoë'],
    ['marie dupont', 'Marie'],
    ['jean-pierre martin', 'Jean-Pierre'],
    ['Marie D.', 'Marie'],
    ['Dr Marie Dupont', 'Marie'],
    ['Mme Marie Dupont', 'Marie'],
    ['Marie 🌸 Dupont', 'Marie'],
    ['Marie Dupont (elle/she)', 'Marie'],
    ['Marie Dupont | Acme', 'Marie'],
    ['Marie Dupont - Responsable RH', 'Marie'],
    ['  Marie   Dupont  ', 'Marie'],
    ['Ольга Иванова', 'Ольга'],
  ])('%s → %s', (name, expected) => {
    expect(guessFirstName(name)).toBe(expected);
  });

  it.each([
    ['@md_1987', 'a handle'],
    ['md_1987', 'a handle without @'],
    ['u/throwaway', 'a Reddit user name'],
    ['Marie2000 Dupont', 'digits'],
    ['Marie', 'a single word may be a pseudonym or a family name'],
    ['Mme Dupont', 'a title and a family name'],
    ['M. Dupont', 'a title and a family name'],
    ['J. Smith', 'an initial'],
    ['MARIE DUPONT', 'capitals cannot be told from an acronym'],
    ['SNCF Connect', 'a brand acronym'],
    ['Acme Official', 'a brand word'],
    ['Boutique Marie Claire', 'a shop'],
    ['Service Client Acme', 'a customer service account'],
    ['Le Petit Café', 'a common word first'],
    ['The Coffee Shop', 'a common word first'],
    ['iPhone Fans', 'mixed case first word'],
    ['李 明', 'a script without case'],
    ['', 'empty'],
    [null, 'absent'],
    ['Anne Marie Sophie Louise Dupont', 'too many words to be a person'],
  ])('%s → null (%s)', (name, _why) => {
    expect(guessFirstName(name)).toBeNull();
  });
});
