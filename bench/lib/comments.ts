/**
 * A realistic comments table for the popup bench: ten platforms, thirty days, the label and status
 * mix of a busy brand account, about 5% of rows waiting for the team. Every row is a valid
 * commentRecord and its `attention` is the product's own needsAttention, so the indexes hold what
 * the real background would have written.
 */
import { commentRecord, needsAttention, type CommentRecord, type CommentStatus } from '../../lib/db/model';
import { platformId } from '../../lib/platforms/schema';
import type { RiskFinding, SentimentLabel } from '../../lib/sentiment/types';

const DAY = 86_400_000;

/** Deterministic, so two runs of the bench read the same table. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: number, weighted: [T, number][]): T => {
  let acc = 0;
  for (const [value, weight] of weighted) if (r < (acc += weight)) return value;
  return weighted.at(-1)![0];
};

const statuses: [CommentStatus, number][] = [['new', 0.35], ['replied', 0.5], ['ignored', 0.14], ['flagged', 0.01]];
const labels: [SentimentLabel, number][] = [['negative', 0.1], ['neutral', 0.6], ['positive', 0.3]];
const texts = [
  'Trois semaines que j’attends ma commande, aucune réponse du service client.',
  'Super accueil en boutique hier, merci à toute l’équipe !',
  'Quelqu’un sait si la collection existe en taille 44 ?',
  'Le site plante encore au moment du paiement.',
  'Vous comptez rembourser quand ? Je vais finir par porter plainte.',
  'Merci pour la réponse rapide, problème réglé.',
];

const LEGAL = 'porter plainte';

export function generateComments(count: number, now: number, seed = 1): CommentRecord[] {
  const rand = prng(seed);
  const platforms = platformId.options;
  const rows: CommentRecord[] = [];
  for (let i = 0; i < count; i++) {
    const platform = platforms[Math.floor(rand() * platforms.length)]!;
    const firstSeenAt = now - Math.floor(rand() * 30 * DAY);
    const status = pick(rand(), statuses);
    const label = pick(rand(), labels);
    const text = texts[i % texts.length]!;
    const threat = text.indexOf(LEGAL);
    // One comment in six reads like a legal threat; the risk tagger flags about one in eight of those.
    const risks: RiskFinding[] = threat >= 0 && rand() < 0.12 ? [{ tag: 'legal', evidence: [threat, threat + LEGAL.length] }] : [];
    const nativeId = `bench${i}`;
    const row: Omit<CommentRecord, 'attention'> = {
      id: `${platform}:${nativeId}`,
      platform,
      nativeId,
      threadUrl: `https://example.invalid/${platform}/thread/${i % 500}`,
      permalink: `https://example.invalid/${platform}/comment/${i}`,
      author: { name: `Auteur ${i % 3000}`, handle: `@auteur${i % 3000}` },
      text,
      lang: 'fr',
      sentiment: { label, score: label === 'negative' ? -0.6 : label === 'positive' ? 0.7 : 0, confidence: 0.8 },
      risks,
      publishedAt: new Date(firstSeenAt - 60_000).toISOString(),
      firstSeenAt,
      lastSeenAt: firstSeenAt + Math.floor(rand() * DAY),
      status,
      ...(status === 'flagged' ? { flaggedAt: firstSeenAt + 600_000 } : {}),
      ...(status === 'replied' ? { repliedAt: Math.min(now, firstSeenAt + Math.floor(rand() * 6 * 3_600_000)) } : {}),
    };
    rows.push(commentRecord.parse({ ...row, attention: needsAttention(row) }));
  }
  return rows;
}
