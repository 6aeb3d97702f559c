/**
 * The badge beside each comment: sentiment, risk tags and the Escalate button, in its own shadow
 * root so that the page's CSS cannot reach it and ours cannot leak. Built with plain DOM (no React)
 * because a timeline can hold thousands of them. Page text only ever lands in textContent.
 */
import type { CommentStatus } from '../db/model';
import { translate, type UiLang } from '../i18n';
import type { SentimentResult } from '../sentiment/types';

export const BADGE_TAG = 'vigie-badge';

const css = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin: 2px 6px; font: 12px/1.4 system-ui, sans-serif; }
.wrap { display: inline-flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.pill { border-radius: 999px; padding: 1px 8px; border: 1px solid transparent; color: #111; background: #eee; }
.negative { background: #fde2e1; border-color: #d93025; color: #8c1d18; }
.neutral { background: #eef0f3; border-color: #9aa0a6; color: #3c4043; }
.positive { background: #e3f5e6; border-color: #1e8e3e; color: #0d5222; }
.pending { opacity: .7; }
.risk { background: #fff4e0; border-color: #e37400; color: #7a3e00; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 1px 8px; border: 1px solid #5f6368; background: #fff; color: #202124; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
button[aria-pressed="true"] { background: #d93025; border-color: #d93025; color: #fff; }
.error { color: #8c1d18; }
.incident { background: #b3261e; border-color: #b3261e; color: #fff; max-width: 24em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;

export interface BadgeView {
  host: HTMLElement;
  showResult(sentiment: SentimentResult, status: CommentStatus): void;
  showStatus(status: CommentStatus): void;
  showError(message: string): void;
  showIncident(incidentId: string, title: string): void;
}

export function createBadge(doc: Document, lang: UiLang, commentId: string, onEscalate: () => void): BadgeView {
  const host = doc.createElement(BADGE_TAG);
  host.dataset.vigieComment = commentId;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const wrap = doc.createElement('span');
  wrap.className = 'wrap';
  const pill = doc.createElement('span');
  pill.className = 'pill pending';
  pill.dataset.part = 'sentiment';
  pill.textContent = translate(lang, 'sentiment.pending');
  const risks = doc.createElement('span');
  risks.className = 'wrap';
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.action = 'escalate';
  button.setAttribute('aria-pressed', 'false');
  button.textContent = translate(lang, 'badge.escalate');
  const incident = doc.createElement('span');
  incident.className = 'pill incident';
  incident.hidden = true;
  const message = doc.createElement('span');
  message.className = 'error';
  message.setAttribute('role', 'status');
  // The badge sits inside links and clickable tweets: keep our clicks from opening the tweet.
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onEscalate();
  });
  host.addEventListener('click', (e) => e.stopPropagation());
  wrap.append(pill, risks, button, incident, message);
  shadow.append(style, wrap);

  const showStatus = (status: CommentStatus) => {
    const flagged = status === 'flagged';
    button.setAttribute('aria-pressed', String(flagged));
    button.textContent = translate(lang, flagged ? 'badge.escalated' : 'badge.escalate');
    host.dataset.vigieStatus = status;
  };

  return {
    host,
    showStatus,
    showResult(sentiment, status) {
      const label = translate(lang, `sentiment.${sentiment.label}`);
      pill.className = `pill ${sentiment.label}`;
      pill.textContent = label;
      pill.title = translate(lang, 'badge.title', { label, confidence: Math.round(sentiment.confidence * 100), lang: sentiment.lang });
      host.dataset.vigieSentiment = sentiment.label;
      const tags = [...new Set(sentiment.risks.map((r) => r.tag))];
      risks.replaceChildren(
        ...tags.map((tag) => {
          const chip = doc.createElement('span');
          chip.className = 'pill risk';
          chip.dataset.risk = tag;
          chip.textContent = translate(lang, `risk.${tag}`);
          return chip;
        }),
      );
      message.textContent = '';
      showStatus(status);
    },
    showError(text) {
      message.textContent = text;
    },
    showIncident(incidentId, title) {
      host.dataset.vigieIncident = incidentId;
      incident.hidden = false;
      incident.textContent = translate(lang, 'badge.incident', { title });
      showStatus('flagged');
    },
  };
}
