// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { showUpdateNote, UPDATE_NOTE_TAG } from '../../../lib/page/update-note';

const note = () => document.querySelector(UPDATE_NOTE_TAG)?.shadowRoot;

describe('the note of a page whose extension was updated under it', () => {
  beforeEach(() => {
    document.documentElement.querySelectorAll(UPDATE_NOTE_TAG).forEach((n) => n.remove());
  });

  it('is shown once, in the user’s language, however often the old script notices', () => {
    showUpdateNote(document, 'fr');
    showUpdateNote(document, 'fr');
    expect(document.querySelectorAll(UPDATE_NOTE_TAG)).toHaveLength(1);
    expect(note()!.querySelector('[role="status"]')!.textContent).toBe('Vigie a été mis à jour : rechargez la page pour revoir les badges×');
  });

  it('says it in English for an English interface, and goes away when dismissed', () => {
    showUpdateNote(document, 'en');
    expect(note()!.querySelector('[role="status"] span')!.textContent).toBe('Vigie was updated: reload the page to see badges again');
    (note()!.querySelector('[data-action="dismiss"]') as HTMLButtonElement).click();
    expect(document.querySelector(UPDATE_NOTE_TAG)).toBeNull();
  });
});
