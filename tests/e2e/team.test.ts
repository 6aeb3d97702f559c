/**
 * The team workspace end to end: three real Chromium profiles with the built extension, a
 * pouchdb-server (CouchDB's HTTP API) on 127.0.0.1 that this test starts, stops and starts again,
 * and the platforms' pages served from the fixtures. Each profile joins from the options page with
 * the invitation `vigie team add-member` prints; every assertion is on what a member sees.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_VERSION } from '../../lib/team/docs';
import { basic } from '../../lib/team/admin';
import { joinTeam, launchProfile, putAsAdmin, serverDoc, startTeam, type Profile, type Team } from './team-harness';
import { dbRows } from './db';

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
const MARIE = 'x:1850000000000000002';
const marieBadge = (page: Page) => page.locator(`vigie-badge[data-vigie-comment="${MARIE}"]`);

let team: Team;
let a: Profile;
let b: Profile;
let c: Profile;

beforeAll(async () => {
  team = await startTeam('acme-support', [
    { name: 'tom', role: 'moderator', displayName: 'Tom' },
    { name: 'lea', role: 'cm', displayName: 'Léa' },
    { name: 'zoe', role: 'cm', displayName: 'Zoé' },
    { name: 'ines', role: 'lead', displayName: 'Inès' },
    { name: 'theo', role: 'trainee', displayName: 'Théo' },
  ]);
  [a, b, c] = await Promise.all([launchProfile('a'), launchProfile('b'), launchProfile('c')]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((p) => p?.close()));
  await team?.stopServer();
});

async function openThread(p: Profile): Promise<Page> {
  const page = await p.page(THREAD);
  await expect.poll(() => marieBadge(page).getAttribute('data-vigie-sentiment'), { timeout: 15_000 }).toBeTruthy();
  return page;
}

/** A store of the background's database, read in an extension page of that profile (the extension's origin; opening it wakes a stopped worker). */
async function readStore<T>(p: Profile, store: string): Promise<T[]> {
  const page = await p.extensionPage('popup');
  const rows = await dbRows<T>(page, store);
  await page.close();
  return rows;
}
const countRows = async (p: Profile, store: string) => (await readStore(p, store)).length;

describe('team workspace', () => {
  let options: { a: Page; b: Page; c: Page };

  it('each member joins from the invitation and sees the role the server gives them', async () => {
    const [oa, ob, oc] = await Promise.all([joinTeam(a, team, 'tom'), joinTeam(b, team, 'lea'), joinTeam(c, team, 'zoe')]);
    options = { a: oa, b: ob, c: oc };
    expect(await oa.getByTestId('team-state').textContent()).toContain('tom (modérateur) sur acme-support');
    expect(await ob.getByTestId('team-state').textContent()).toContain('lea (community manager)');
    // Content scripts can read browser.storage.local: the password must not be there.
    const stored = await ob.evaluate(async () => JSON.stringify(await (chrome as unknown as { storage: { local: { get(k: null): Promise<unknown> } } }).storage.local.get(null)));
    expect(stored).toContain('acme-support');
    expect(stored).not.toContain(team.members.get('lea')!.password);
  });

  it("a moderator flags a comment on x.com and the community manager's open side panel shows it, with who flagged, without reload", async () => {
    const panel = await b.extensionPage('sidepanel');
    expect(await panel.locator(`[data-comment-id="${MARIE}"]`).count()).toBe(0);

    const page = await openThread(a);
    // A moderator flags; the badge offers no "I'll answer" to the role that does not answer.
    expect(await marieBadge(page).locator('[data-action="claim"]').count()).toBe(0);
    await marieBadge(page).locator('[data-action="escalate"]').click();
    await page.locator('vigie-escalate-dialog [data-action="flag-only"]').click();

    const row = panel.locator(`[data-comment-id="${MARIE}"]`);
    await expect.poll(() => row.locator('[data-testid="queue-team"]').textContent(), { timeout: 15_000 }).toBe('Signalé par Tom');
    expect(await row.locator('.author').textContent()).toBe('Marie Dupont');
    await expect.poll(() => marieBadge(page).locator('.team').textContent()).toBe('Signalé par vous');
    await page.close();
  });

  it('two community managers claim the same comment at once: exactly one holds it, the other’s badge says who', async () => {
    const [pb, pc] = await Promise.all([openThread(b), openThread(c)]);
    await Promise.all([pb, pc].map((p) => expect.poll(() => marieBadge(p).locator('[data-action="claim"]').count(), { timeout: 10_000 }).toBe(1)));
    // The teammate's flag is on both badges already.
    expect(await marieBadge(pb).getAttribute('data-vigie-flagged-by')).toBe('Tom');
    await Promise.all([marieBadge(pb).locator('[data-action="claim"]').click(), marieBadge(pc).locator('[data-action="claim"]').click()]);

    await expect.poll(async () => (await serverDoc(team, `claim:${MARIE}`))?.by, { timeout: 10_000 }).toMatch(/^(lea|zoe)$/);
    const winner = (await serverDoc(team, `claim:${MARIE}`))!.by as string;
    const [holder, other] = winner === 'lea' ? [pb, pc] : [pc, pb];
    const name = winner === 'lea' ? 'Léa' : 'Zoé';
    await expect.poll(() => marieBadge(other).getAttribute('data-vigie-claimed-by'), { timeout: 10_000 }).toBe(name);
    expect(await marieBadge(other).locator('.team').textContent()).toBe(`${name} répond…`);
    expect(await marieBadge(other).locator('[data-action="claim"]').count()).toBe(0);
    await expect.poll(() => marieBadge(holder).locator('.team').textContent()).toBe('Vous répondez');
    await Promise.all([pb.close(), pc.close()]);
  });

  it('a member marks answered while the server is stopped; when it is back, the other profile sees it', async () => {
    const winner = (await serverDoc(team, `claim:${MARIE}`))!.by as string;
    const [holder, holderOptions, other, name] = winner === 'lea' ? [b, options.b, c, 'Léa'] : [c, options.c, b, 'Zoé'];
    await team.stopServer();
    let watcher: Page;
    const panel = await holder.extensionPage('sidepanel');
    try {
      const row = panel.locator(`[data-comment-id="${MARIE}"]`);
      await row.getByRole('button', { name: 'Répondu' }).click();
      // The answer, and the release of the claim it ends.
      await expect.poll(() => holderOptions.getByTestId('team-pending').textContent(), { timeout: 10_000 }).toBe('2 modifications en attente d’envoi');
      watcher = await openThread(other);
    } finally {
      await team.startServer();
    }
    await expect.poll(() => marieBadge(watcher).getAttribute('data-vigie-answered-by'), { timeout: 45_000 }).toBe(name);
    expect(await marieBadge(watcher).locator('.team').textContent()).toMatch(new RegExp(`^Répondu par ${name} à \\d\\d:\\d\\d$`));
    expect((await serverDoc(team, `answer:${MARIE}`))?.by).toBe(winner);
    await expect.poll(() => holderOptions.getByTestId('team-pending').textContent()).toBe('Tout est envoyé');
    await Promise.all([panel.close(), watcher.close()]);
  });

  it('a malformed document put on the server is quarantined and listed; the rest syncs', async () => {
    const at = Date.now();
    expect(await putAsAdmin(team, { _id: 'flag:x:bad', type: 'flag', v: DOC_VERSION, by: 'tom', at, commentId: 'x:bad', comment: 'not a comment' })).toBe(201);
    const comment = {
      platform: 'x',
      nativeId: '1850000000000000077',
      author: { name: 'Paul' },
      text: 'Toujours pas de remboursement',
      threadUrl: THREAD,
    };
    expect(await putAsAdmin(team, { _id: 'flag:x:1850000000000000077', type: 'flag', v: DOC_VERSION, by: 'tom', at, commentId: 'x:1850000000000000077', comment })).toBe(201);
    const panel = await b.extensionPage('sidepanel');
    await expect.poll(() => panel.locator('[data-comment-id="x:1850000000000000077"] [data-testid="queue-team"]').textContent(), { timeout: 15_000 }).toBe('Signalé par Tom');
    await expect.poll(() => options.b.getByTestId('team-quarantine').textContent(), { timeout: 10_000 }).toContain('flag:x:bad');
    expect(await options.b.getByTestId('team-quarantine').textContent()).toContain('comment');
    await panel.close();
  });

  it('the service worker stopped in the middle of a sync loses and repeats nothing', async () => {
    const before = await countRows(b, 'teamComments');
    const docs = Array.from({ length: 300 }, (_, i) => ({
      _id: `flag:x:19000000000000${String(i).padStart(5, '0')}`,
      type: 'flag',
      v: DOC_VERSION,
      by: 'tom',
      at: Date.now(),
      commentId: `x:19000000000000${String(i).padStart(5, '0')}`,
      comment: { platform: 'x', nativeId: `19000000000000${String(i).padStart(5, '0')}`, author: { name: `Client ${i}` }, text: `Réclamation ${i}`, threadUrl: THREAD },
    }));
    const { url, adminUser, adminPassword } = team.server;
    const res = await fetch(`${url}/${team.workspace}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: basic(adminUser, adminPassword), 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    expect(res.status).toBe(201);
    // Stop the worker while it pulls and applies, a few times over.
    const cdpPage = await b.extensionPage('popup');
    const cdp = await b.context.newCDPSession(cdpPage);
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 150));
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    await cdpPage.close();
    // Any message wakes the worker; its start resumes from the checkpoint.
    await expect.poll(() => countRows(b, 'teamComments'), { timeout: 45_000, interval: 1_000 }).toBe(before + 300);
    // A document applied twice would count its flag twice in the popup's running tallies: they must equal the rows.
    const comments = await readStore<{ status: string }>(b, 'comments');
    const tallies = await readStore<{ key: string; counts: Record<string, number> }>(b, 'tallies');
    const flaggedTally = tallies.filter((t) => t.key.startsWith('now|')).reduce((sum, t) => sum + (t.counts.flagged ?? 0), 0);
    expect(flaggedTally).toBe(comments.filter((c) => c.status === 'flagged').length);
    expect(comments.filter((c) => c.status === 'flagged').length).toBeGreaterThanOrEqual(300);
    const panel = await b.extensionPage('sidepanel');
    await expect.poll(() => panel.locator('[data-comment-id^="x:19000000000000"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await panel.close();
  });

  it('a lead publishes a template and it appears in the trainee’s picker', async () => {
    // Tom's browser is now Inès's (lead), Zoé's is Théo's (trainee): leaving clears the team's rows.
    for (const [p, o] of [
      [a, options.a],
      [c, options.c],
    ] as const) {
      await o.getByRole('button', { name: 'Quitter l’espace' }).click();
      await expect.poll(() => o.getByTestId('team-join').count()).toBe(1);
      await o.close();
    }
    expect(await countRows(a, 'teamComments')).toBe(0);
    options.a = await joinTeam(a, team, 'ines');
    options.c = await joinTeam(c, team, 'theo');

    const panel = await a.extensionPage('sidepanel');
    await panel.getByRole('tab', { name: 'Modèles' }).click();
    await panel.getByRole('button', { name: 'Nouveau modèle' }).click();
    await panel.locator('#tpl-name').fill('Geste commercial équipe');
    await panel.locator('#body-text-0').fill('Bonjour {{author.firstName}}, nous vous offrons la livraison de votre prochaine commande.');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(async () => ((await serverDoc(team, 'template:' + (await templateId(panel, 'Geste commercial équipe'))))?.by as string) ?? '', { timeout: 10_000 }).toBe('ines');

    const page = await openThread(c);
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.locator('vigie-composer-bar [data-action="open-picker"] >> visible=true').first().click();
    const picker = page.locator('vigie-template-picker');
    await picker.locator('input[type=search]').fill('geste commercial');
    await expect.poll(() => picker.locator('[role="option"]').first().textContent(), { timeout: 15_000 }).toContain('Geste commercial équipe');
    await page.close();
    await panel.close();

    // The trainee reads the team's template; the editor does not offer to change it.
    const theirs = await c.extensionPage('sidepanel');
    await theirs.getByRole('tab', { name: 'Modèles' }).click();
    await theirs.getByRole('button', { name: 'Modifier « Geste commercial équipe »' }).click();
    await expect.poll(() => theirs.getByTestId('template-read-only').count()).toBe(1);
    expect(await theirs.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);
    await theirs.close();
  });

  it('the lead locks a pack: the trainee can neither pause nor ignore its rules, and a forced edit is refused by the server', async () => {
    const pack = {
      format: 'vigie-voice-pack',
      version: 1,
      id: 'acme-ton',
      name: 'Ton Acme',
      lang: 'fr',
      vocabulary: [],
      rules: [{ id: 'acme.no-mp', kind: 'existence', severity: 'error', message: 'Écrivez « message privé », pas « %s »', explanation: 'Acme n’abrège jamais.', tokens: ['MP'] }],
    };
    const panel = await a.extensionPage('sidepanel');
    await panel.getByRole('tab', { name: 'Voix de marque' }).click();
    await panel.locator('#pack-file').setInputFiles({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    const row = panel.locator('[data-pack-id="acme-ton"]');
    await row.locator('[data-action="lock-pack"]').check();
    await expect.poll(async () => (await serverDoc(team, 'voicePack:acme-ton'))?.locked, { timeout: 10_000 }).toBe(true);
    await panel.close();

    const theirs = await c.extensionPage('sidepanel');
    await theirs.getByRole('tab', { name: 'Voix de marque' }).click();
    const theirRow = theirs.locator('[data-pack-id="acme-ton"]');
    await expect.poll(() => theirRow.getAttribute('data-locked'), { timeout: 15_000 }).toBe('true');
    expect(await theirRow.locator('input[type=checkbox]').first().isDisabled()).toBe(true);
    expect(await theirRow.locator('[data-action="publish-pack"]').count()).toBe(0);

    // In the reply box: the finding comes with its fix, and no way to ignore it.
    const page = await openThread(c);
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('Bonjour, écrivez-nous en MP');
    const finding = page.locator('vigie-composer-bar .finding[data-rule="acme.no-mp"]');
    await page.locator('vigie-composer-bar [data-action="voice-summary"]').click();
    await expect.poll(() => finding.count(), { timeout: 10_000 }).toBe(1);
    expect(await finding.locator('[data-action="ignore-here"], [data-action="ignore-brand"]').count()).toBe(0);
    // Starting a reply claimed the post being answered: nobody else answers it meanwhile.
    await expect.poll(async () => (await serverDoc(team, 'claim:x:1850000000000000001'))?.by, { timeout: 10_000 }).toBe('theo');

    // The trainee's edit of the pack, forced through a message too: the server refuses it.
    const sent = await theirs.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:team-publish', kind: 'voicePack', id: 'acme-ton', locked: false }));
    expect(sent).toMatchObject({ ok: true, data: { queued: true } });
    await expect.poll(() => options.c.locator('[data-testid="team-notices"] li[data-kind="refused"]').count(), { timeout: 10_000 }).toBe(1);
    // The server's reason, worded in the French interface.
    expect(await options.c.locator('[data-testid="team-notices"] li[data-kind="refused"]').textContent()).toContain(
      'Le serveur a refusé voicePack:acme-ton : Un stagiaire ne peut pas publier ni modifier les packs de voix',
    );
    expect(await serverDoc(team, 'voicePack:acme-ton')).toMatchObject({ by: 'ines', locked: true });
    await Promise.all([page.close(), theirs.close()]);
  });

  it("the lead exports the workspace's audit: who did what, as CSV", async () => {
    const [download] = await Promise.all([options.a.waitForEvent('download'), options.a.locator('[data-action="team-audit"]').click()]);
    const csv = (await new Response((await download.createReadStream()) as unknown as ReadableStream).text()).replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('at,by,type,action,id,what');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`,tom,flag,written,flag:${MARIE},"Marie Dupont: Trois semaines`)));
    // The claim its holder released once she had answered: withdrawn, and by whom.
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`,(lea|zoe),claim,withdrawn,claim:${MARIE},`)));
    expect(lines).toContainEqual(expect.stringMatching(/,ines,voicePack,written,voicePack:acme-ton,Ton Acme \(locked\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/,theo,claim,written,claim:x:1850000000000000001,/));
  });
});

async function templateId(panel: Page, name: string): Promise<string> {
  return (await panel.locator('.tpl-item', { hasText: name }).first().getAttribute('data-template-id')) ?? '';
}
