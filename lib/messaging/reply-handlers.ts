/**
 * Templates and brand voice for the reply boxes. The engines run here, in the background, so the
 * content script stays small: the page sends the text and gets back findings or a rendered reply.
 */
import { isCrisisMode } from '../crisis/model';
import { brandForAccount, listBrands, sameHandle } from '../db/brands';
import type { BrandRecord } from '../db/model';
import { listActiveIncidents } from '../db/incidents';
import type { VigieDb } from '../db/schema';
import { getSetting } from '../db/settings';
import { getTemplate, recordUse, templatesForBrand } from '../db/templates';
import { ignoreForBrand, ruleOfKey, voiceForBrand, VoicePackError, type BrandVoice } from '../db/voicePacks';
import type { PlatformId } from '../platforms/types';
import type { SentimentResult } from '../sentiment/types';
import { fitsPlatform, rankTemplates, render, type RenderVars, type Template } from '../templates';
import { check, ignoreForBrandKey, summarize, type CheckContext } from '../voice';
import type { SpellerLoader } from '../voice/dictionaries/index';
import type { TaggerLoader } from '../voice/tagger/index';
import { HandlerError, type Handlers } from './handle';
import type { TemplateSummary } from './protocol';

type ReplyHandlers = Pick<Handlers, 'cs:templates-suggest' | 'cs:template-render' | 'cs:template-used' | 'cs:triggers' | 'cs:voice-check' | 'cs:voice-ignore' | 'ui:voice-try'>;

export interface ReplyDeps {
  db: VigieDb;
  classify(text: string): SentimentResult;
  now(): number;
  /** Loads the dictionaries the packs' spelling rules need; without it spelling rules find nothing. */
  spellers?: SpellerLoader;
  /** Loads the taggers the packs' sequence rules need; without it sequence rules find nothing. */
  taggers?: TaggerLoader;
}

/** The brand of the account on the page; with a single brand configured, that one. */
async function brandOf(db: VigieDb, platform: PlatformId, account?: string): Promise<BrandRecord | undefined> {
  if (account) {
    const brand = await brandForAccount(db, platform, account);
    if (brand) return brand;
  }
  const brands = await listBrands(db);
  return brands.length === 1 ? brands[0] : undefined;
}

const crisisMode = async (db: VigieDb) => isCrisisMode(await listActiveIncidents(db));

export function createReplyHandlers({ db, classify, now, spellers, taggers }: ReplyDeps): ReplyHandlers {
  const varsFor = async (platform: PlatformId, account: string | undefined, commentId: string | undefined, fields: Record<string, string>): Promise<RenderVars> => {
    const [brand, agent, comment] = await Promise.all([brandOf(db, platform, account), getSetting(db, 'agent'), commentId ? db.comments.get(commentId) : undefined]);
    const brandAgent = brand?.agents.find((a) => a.name === agent.name) ?? brand?.agents[0];
    // Replying under the account's own post: nobody to greet by name, the template shows its marker.
    const ours = !!account && !!comment?.author.handle && sameHandle(comment.author.handle, account);
    return {
      ...(comment && !ours ? { author: { name: comment.author.name, ...(comment.author.handle ? { handle: comment.author.handle } : {}) } } : {}),
      ...(brand ? { brand: { name: brand.name } } : {}),
      agent: { name: agent.name || brandAgent?.name || undefined, signature: agent.signature || brandAgent?.signature || undefined },
      fields,
    };
  };

  /** The packs' findings on a reply, with the dictionaries and taggers their rules need; a lead's locked rules marked. */
  const voiceCheck = async (text: string, voice: BrandVoice, ctx: Omit<CheckContext, 'spellers' | 'taggers' | 'sentiment'>) => {
    // Spelling and sequence rules judge a reply of known language only; one too short to tell (every
    // language's packs then apply) loads no dictionary or tagger it could not use.
    const needing = ctx.lang ? voice.packs : [];
    const findings = check(text, voice.packs, {
      ...(spellers ? { spellers: await spellers(needing) } : {}),
      ...(taggers ? { taggers: await taggers(needing) } : {}),
      sentiment: classify,
      ...ctx,
    });
    return findings.map(({ link: _link, ...f }) => ({ ...f, locked: voice.locked.has(f.ruleId) }));
  };

  const summary = (t: Template, lang: string, platform: PlatformId, vars: RenderVars, reasons: string[]): TemplateSummary => ({
    id: t.id,
    name: t.name,
    folder: t.folder,
    langs: Object.keys(t.bodies),
    ...(t.trigger ? { trigger: t.trigger } : {}),
    preview: render(t, { lang, platform, vars, now: now() }).text.slice(0, 240),
    fields: t.fields.map((f) => ({ key: f.key, label: f.label, kind: f.kind, ...(f.default !== undefined ? { default: f.default } : {}), ...(f.choices ? { choices: f.choices } : {}) })),
    reasons,
  });

  return {
    async 'cs:templates-suggest'({ platform, query, commentId, account }) {
      const [brand, comment, crisis] = await Promise.all([brandOf(db, platform, account), commentId ? db.comments.get(commentId) : undefined, crisisMode(db)]);
      const templates = await templatesForBrand(db, brand?.id ?? null);
      const ranked = rankTemplates(templates, {
        ...(query.trim() ? { query } : {}),
        ...(comment ? { comment: { lang: comment.lang, sentiment: comment.sentiment, risks: comment.risks } } : {}),
        crisisMode: crisis,
        now: now(),
      });
      const vars = await varsFor(platform, account, commentId, {});
      const lang = comment?.lang && comment.lang !== 'und' ? comment.lang : 'fr';
      return { crisisMode: crisis, templates: ranked.slice(0, 20).map((r) => summary(r.template, lang, platform, vars, r.reasons.map((x) => x.detail))) };
    },

    async 'cs:template-render'({ templateId, platform, commentId, lang, fields, account }) {
      const template = await getTemplate(db, templateId);
      if (!template) throw new HandlerError('not-found', `no template ${templateId}`);
      const comment = commentId ? await db.comments.get(commentId) : undefined;
      const answerLang = lang ?? (comment?.lang && comment.lang !== 'und' ? comment.lang : 'fr');
      const result = render(template, { lang: answerLang, platform, vars: await varsFor(platform, account, commentId, fields), now: now() });
      const length = fitsPlatform(result.text, platform);
      return { text: result.text, missing: result.missing, lang: result.lang, length: { ok: length.ok, length: length.length, limit: length.limit } };
    },

    async 'cs:template-used'({ templateId }) {
      const count = await recordUse(db, templateId, now());
      if (count === undefined) throw new HandlerError('not-found', `no template ${templateId}`);
      return { usageCount: count };
    },

    async 'cs:triggers'({ platform, account }) {
      const brand = await brandOf(db, platform, account);
      const templates = await templatesForBrand(db, brand?.id ?? null);
      return { triggers: templates.filter((t) => t.trigger).map((t) => ({ trigger: t.trigger!, templateId: t.id, hasFields: t.fields.length > 0 })) };
    },

    async 'cs:voice-check'({ platform, text, ignoredHere, account }) {
      const [brand, mode, crisis] = await Promise.all([brandOf(db, platform, account), getSetting(db, 'voice'), crisisMode(db)]);
      const lang = text.trim().length >= 12 ? classify(text).lang : undefined;
      const voice = await voiceForBrand(db, brand?.id ?? null, { ...(lang && lang !== 'und' ? { lang } : {}), crisis });
      const findings = await voiceCheck(text, voice, {
        platform,
        ...(lang && lang !== 'und' ? { lang } : {}),
        address: brand?.address ?? 'vous',
        mode: mode.mode,
        ignored: [...voice.ignored, ...ignoredHere.filter((k) => !voice.locked.has(ruleOfKey(k)))],
      });
      return { findings, summary: summarize(findings), mode: mode.mode };
    },

    async 'ui:voice-try'({ brandId, lang, platform, crisis, text }) {
      const [brand, mode, voice] = await Promise.all([brandId ? db.brands.get(brandId) : undefined, getSetting(db, 'voice'), voiceForBrand(db, brandId, { lang, crisis })]);
      // The language is the one chosen in the panel, not guessed: the box is for trying a pack out.
      const findings = await voiceCheck(text, voice, {
        lang,
        ...(platform ? { platform } : {}),
        ...(brand ? { address: brand.address } : {}),
        mode: mode.mode,
        ignored: voice.ignored,
      });
      return { findings };
    },

    async 'cs:voice-ignore'({ platform, ruleId, match, account }) {
      const brand = await brandOf(db, platform, account);
      try {
        return { ignored: await ignoreForBrand(db, brand?.id ?? null, ignoreForBrandKey({ ruleId, match })) };
      } catch (e) {
        if (e instanceof VoicePackError) throw new HandlerError('forbidden', e.message);
        throw e;
      }
    },
  };
}
