import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';
import { dbCounts } from './db';

let ext: Extension;
let panel: Page;
beforeAll(async () => {
  ext = await launchExtension();
  // A brand that addresses its readers as "vous", created as a user would, in the options page.
  const options = await openExtensionPage(ext, 'options');
  // The new-brand form resets its draft whenever the page re-renders: let the brand list and settings load first.
  await options.getByText('Aucune marque. Ajoutez celle que vous gérez.').waitFor();
  await options.waitForTimeout(500);
  await options.locator('#brand-name-new').fill('Acme');
  await options.locator('#brand-address-new').selectOption('vous');
  await options.locator('[data-testid="brand-new"] button[type="submit"]').click();
  await options.getByRole('heading', { name: 'Acme' }).waitFor();
  await options.close();
  panel = await openExtensionPage(ext, 'sidepanel');
});
afterAll(async () => {
  await ext?.close();
});

const templateItems = () => panel.locator('[data-testid="templates-panel"] .tpl-item');

describe('side panel: templates tab', () => {
  it('seeds the starter set on first open', async () => {
    await panel.getByRole('tab', { name: 'Modèles' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Modifier « Remerciement »' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await templateItems().count()).toBeGreaterThanOrEqual(6);
  });

  it('creates a template with a custom field, with a live preview that shows the missing value, then the default', async () => {
    const before = await templateItems().count();
    await panel.getByRole('button', { name: 'Nouveau modèle' }).click();
    await panel.locator('#tpl-name').fill('Retard colis');
    await panel.locator('#tpl-folder').fill('Livraison');
    await panel.locator('#tpl-trigger').fill(';colis');
    await panel.locator('#body-text-0').fill('Bonjour {{author.firstName}}, votre commande {{order}} arrive bientôt. {{agent.signature | brand.name}}');
    const preview = panel.locator('[data-testid="template-preview-text"]');
    await panel.getByRole('button', { name: 'Ajouter un champ' }).click();
    await panel.locator('#field-key-0').fill('order');
    await panel.locator('#field-label-0').fill('Numéro de commande');
    // The sample commenter's first name, the field's label as a visible marker, the brand as the fallback signature.
    await expect.poll(() => preview.textContent()).toBe('Bonjour Marie, votre commande [Numéro de commande] arrive bientôt. Acme');
    expect(await panel.locator('[data-testid="template-preview-missing"]').textContent()).toContain('order');
    await panel.locator('#field-default-0').fill('A-1234');
    await expect.poll(() => preview.textContent()).toBe('Bonjour Marie, votre commande A-1234 arrive bientôt. Acme');
    expect(await panel.locator('[data-testid="template-preview-missing"]').count()).toBe(0);
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => templateItems().count()).toBe(before + 1);
    const item = panel.locator('section[aria-label="Livraison"] .tpl-item', { hasText: 'Retard colis' });
    expect(await item.textContent()).toContain(';colis');
  });

  it('refuses an invalid template in the editor, naming the reason, and stores nothing', async () => {
    const before = await templateItems().count();
    const [rows] = await dbCounts(panel, ['templates']);
    await panel.getByRole('button', { name: 'Nouveau modèle' }).click();
    await panel.locator('#tpl-name').fill('Cassé');
    await panel.locator('#body-text-0').fill('Bonjour {{inconnu}}');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    const errors = panel.locator('[data-testid="template-errors"]');
    await expect.poll(() => errors.textContent()).toContain('{{inconnu}}');
    await panel.getByRole('button', { name: 'Annuler' }).click();
    expect(await templateItems().count()).toBe(before);
    // Once the refusal is on screen, the database is read: a write racing the list would show here.
    expect(await dbCounts(panel, ['templates'])).toEqual([rows]);
  });

  it('exports JSON holding the new template and its field', async () => {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Exporter en JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('vigie-templates.json');
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; templates: { name: string; trigger?: string; fields: { key: string; default?: string }[] }[] };
    expect(file.format).toBe('vigie-templates');
    const mine = file.templates.find((t) => t.name === 'Retard colis');
    expect(mine).toMatchObject({ trigger: ';colis', fields: [{ key: 'order', default: 'A-1234' }] });
    expect(file.templates.length).toBe(await templateItems().count());
  });

  it('refuses a CSV with a bad row whole, showing the row and reason, importing nothing', async () => {
    const before = await templateItems().count();
    const [rows] = await dbCounts(panel, ['templates']);
    const csv = ['id,name,body_fr', 'ok-1,Bienvenue,Bienvenue !', 'bad-2,,Sans nom', 'ok-3,Au revoir,À bientôt'].join('\n');
    await panel.locator('#tpl-import').setInputFiles({ name: 'mauvais.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const alert = panel.locator('[data-testid="template-import-errors"]');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.textContent();
    expect(text).toContain('mauvais.csv refusé');
    expect(text).toContain('ligne 3 du tableau');
    expect(text).toContain('colonne name');
    expect(await templateItems().count()).toBe(before);
    expect(await panel.getByRole('button', { name: 'Modifier « Bienvenue »' }).count()).toBe(0);
    expect(await dbCounts(panel, ['templates'])).toEqual([rows]);
  });
});

describe('side panel: voice tab', () => {
  it('checks an off-voice reply for a brand on "vous" and applies a one-click fix from the keyboard', async () => {
    await panel.getByRole('tab', { name: 'Voix de marque' }).click();
    await panel.locator('#voice-brand').selectOption({ label: 'Acme (vous)' });
    await expect.poll(() => panel.locator('[data-pack-id="builtin-fr"] input[type="checkbox"]').isChecked()).toBe(true);
    const box = panel.locator('#voice-try-text');
    await box.fill('Tu peux nous écrire en MP !!!');
    const address = panel.locator('.voice-finding[data-rule="fr.address"]');
    // The background checks it, loading the French dictionary on this first check: give it that time once.
    await expect.poll(() => address.count(), { timeout: 20_000 }).toBe(1);
    expect(await address.textContent()).toContain('« vous »');
    expect(await panel.locator('.voice-finding[data-rule="fr.punctuation"]').count()).toBe(1);
    const fix = address.getByRole('button', { name: 'Remplacer par « Vous pouvez »' });
    await fix.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Vous pouvez nous écrire en MP !!!');
    await expect.poll(() => address.count()).toBe(0);
    expect(await panel.locator('.voice-finding[data-rule="fr.punctuation"]').count()).toBe(1);
  });

  it('ignores a finding for the brand, lists it, and un-ignores it', async () => {
    const punctuation = panel.locator('.voice-finding[data-rule="fr.punctuation"]');
    await punctuation.getByRole('button', { name: 'Ignorer pour la marque' }).click();
    await expect.poll(() => punctuation.count()).toBe(0);
    const ignored = panel.locator('[data-testid="voice-ignored"] li', { hasText: 'fr.punctuation' });
    await expect.poll(() => ignored.count()).toBe(1);
    await ignored.getByRole('button', { name: 'Ne plus ignorer' }).click();
    await expect.poll(() => punctuation.count()).toBe(1);
  });

  it('catches a typo as the reply box does and fixes it in one click', async () => {
    const box = panel.locator('#voice-try-text');
    await box.fill('Merci pour votre messsage, nous regardons votre commande.');
    const spelling = panel.locator('.voice-finding[data-rule="fr.spelling"]');
    await expect.poll(() => spelling.count()).toBe(1);
    expect(await spelling.textContent()).toContain('messsage');
    await spelling.getByRole('button', { name: 'Remplacer par « message »' }).click();
    await expect.poll(() => box.inputValue()).toBe('Merci pour votre message, nous regardons votre commande.');
    await expect.poll(() => spelling.count()).toBe(0);
  });

  it('refuses a bad pack file with its line and keeps the built-in pack active', async () => {
    const bad = '{\n  "format": "vigie-voice-pack",\n  "version": 1,\n  "id": "acme",\n  "name": "Acme",\n  "lang": "fr",\n  "rules": [\n    { "id": "x", "kind": "nope", "severity": "error", "message": "m", "explanation": "e" }\n  ]\n}\n';
    await panel.locator('#pack-file').setInputFiles({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const errors = panel.locator('[data-testid="pack-errors"]');
    await expect.poll(() => errors.count()).toBe(1);
    const text = await errors.textContent();
    expect(text).toContain('ligne 8');
    expect(text).toContain('unknown rule kind "nope"');
    expect(await panel.locator('[data-testid="voice-packs"] li').count()).toBe(3);
    expect(await panel.locator('[data-pack-id="builtin-fr"] input[type="checkbox"]').isChecked()).toBe(true);
  });

  it("imports a Vale style's .yml files as a brand pack and lists the rules it could not convert; its part-of-speech rule alerts in the reply box", async () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'vale', 'Acme');
    await panel.locator('#vale-style').fill('Acme');
    await panel.locator('#vale-files').setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
    await panel.locator('[data-pack-id$="/vale-Acme"]').waitFor();
    const unsupported = panel.locator('[data-testid="vale-unsupported"] li');
    expect(await unsupported.count()).toBeGreaterThan(0);
    expect(await unsupported.first().textContent()).toMatch(/^Acme\.\w+ : .+/);
    expect(await panel.locator('[data-pack-id$="/vale-Acme"]').textContent()).toContain('propre à la marque');
    // Its part-of-speech rule (a past participle, then "by") runs in the try box, and in the reply box of a platform page, Acme being the only brand.
    const reply = 'Your parcel was delivered by our courier this morning, thank you for your patience.';
    await panel.locator('#voice-try-lang').selectOption('en');
    await panel.locator('#voice-try-text').fill(reply);
    const tried = panel.locator('.voice-finding[data-rule="Acme.Passive"]');
    await expect.poll(() => tried.count(), { timeout: 20_000 }).toBe(1);
    expect(await tried.textContent()).toContain("'delivered' may be passive voice.");
    const page = await ext.context.newPage();
    await page.goto('https://x.com/marie_dpt/status/1850000000000000002');
    await page.locator('vigie-composer-bar').waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(reply);
    // A suggestion, it leaves the summary green: its panel lists it.
    await page.locator('vigie-composer-bar [data-action="voice-summary"]').click();
    const passive = page.locator('vigie-composer-bar .panel .finding[data-rule="Acme.Passive"]');
    await expect.poll(() => passive.count(), { timeout: 10_000 }).toBe(1);
    expect(await passive.textContent()).toContain("'delivered' may be passive voice.");
    await page.close();
  });
});
