/**
 * The badge beside each comment: sentiment, risk tags and the Escalate button, in its own shadow
 * root so that the page's CSS cannot reach it and ours cannot leak. Built with plain DOM (no React)
 * and one stylesheet shared by every badge, because a timeline can hold thousands of them.
 * Page text only ever lands in textContent.
 */
import type { CommentStatus } from '../db/model';
import { translate, type MessageKey, type UiLang } from '../i18n';
import { isUncertain } from '../sentiment/confidence';
import type { SentimentResult } from '../sentiment/types';
import { claimable } from '../team/claimable';
import type { TeamView } from '../team/view';

export const BADGE_TAG = 'vigie-badge';

const css = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin: 2px 6px; font: 12px/1.4 system-ui, sans-serif; }
.wrap { display: inline-flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.pill { border-radius: 999px; padding: 1px 8px; border: 1px solid transparent; color: #111; background: #eee; }
.negative { background: #fde2e1; border-color: #d93025; color: #8c1d18; }
.neutral { background: #eef0f3; border-color: #9aa0a6; color: #3c4043; }
.positive { background: #e3f5e6; border-color: #1e8e3e; color: #0d5222; }
.uncertain { border-style: dashed; background: #fff; }
.pending { opacity: .7; }
.retrying { cursor: pointer; border-style: dashed; border-color: #9aa0a6; }
.risk { background: #fff4e0; border-color: #e37400; color: #7a3e00; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 1px 8px; border: 1px solid #5f6368; background: #fff; color: #202124; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
button[aria-pressed="true"] { background: #d93025; border-color: #d93025; color: #fff; }
.error { color: #8c1d18; }
.incident { background: #b3261e; border-color: #b3261e; color: #fff; max-width: 24em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.team { background: #e8f0fe; border-color: #1a73e8; color: #174ea6; max-width: 24em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.team.held { background: #fef7e0; border-color: #b06000; color: #6d3a00; }
`;

/** One constructed stylesheet adopted by every badge; a <style> per badge where that is not supported. */
let shared: CSSStyleSheet | null | undefined;
function adoptStyles(doc: Document, shadow: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(css);
    } catch {
      shared = null;
    }
  }
  try {
    if (shared) {
      shadow.adoptedStyleSheets = [shared];
      return;
    }
  } catch {
    // Firefox content scripts cannot adopt sheets made in their own world.
    shared = null;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

/** The badge's few strings, looked up once per language rather than for each of a thousand badges. */
const labels = new Map<UiLang, Map<MessageKey, string>>();
function label(lang: UiLang, key: MessageKey): string {
  let strings = labels.get(lang);
  if (!strings) labels.set(lang, (strings = new Map()));
  let v = strings.get(key);
  if (v === undefined) strings.set(key, (v = translate(lang, key)));
  return v;
}

/** The badge's markup, built once per document and cloned: cheaper than building each badge node by node. */
const skeletons = new WeakMap<Document, HTMLElement>();
function skeleton(doc: Document): HTMLElement {
  let wrap = skeletons.get(doc);
  if (!wrap) {
    wrap = doc.createElement('span');
    wrap.className = 'wrap';
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.action = 'escalate';
    button.setAttribute('aria-pressed', 'false');
    wrap.append(doc.createElement('span'), button);
    skeletons.set(doc, wrap);
  }
  return wrap.cloneNode(true) as HTMLElement;
}

export interface Answer {
  sentiment: SentimentResult;
  status: CommentStatus;
  team?: TeamView;
}

export interface BadgeActions {
  escalate(): void;
  /** Claim the comment for the team, or release one's own claim. */
  claim(release: boolean): void;
  /** Ask the background again now, rather than at the next automatic retry. */
  retry(): void;
}

export interface BadgeView {
  host: HTMLElement;
  showResult(sentiment: SentimentResult, status: CommentStatus): void;
  showStatus(status: CommentStatus): void;
  showError(message: string): void;
  /** The answer could not be had: a quiet pill that says Vigie tries again, and does on click. */
  showRetrying(reason: string): void;
  showPending(): void;
  showIncident(incidentId: string, title: string): void;
  showTeam(view: TeamView): void;
}

const clock = (lang: UiLang, at: number) => new Date(at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

/** The one line the badge says about the team: the answer first, then who is answering, then who flagged. */
function teamLine(lang: UiLang, v: TeamView): { text: string; held: boolean } | undefined {
  if (v.answered) return { text: translate(lang, 'team.answeredBy', { name: v.answered.mine ? translate(lang, 'team.me') : v.answered.name, time: clock(lang, v.answered.at) }), held: true };
  if (v.claimed) return { text: v.claimed.mine ? translate(lang, 'team.claimedByMe') : translate(lang, 'team.claimedBy', { name: v.claimed.name }), held: !v.claimed.mine };
  if (v.aside) return { text: translate(lang, 'team.asideBy', { name: v.aside.mine ? translate(lang, 'team.me') : v.aside.name }), held: false };
  if (v.flagged) return { text: translate(lang, 'team.flaggedBy', { name: v.flagged.mine ? translate(lang, 'team.me') : v.flagged.name }), held: false };
  return undefined;
}

/** A badge with the background's answer, or without one (waiting, or the answer failed: see showError). */
export function createBadge(doc: Document, lang: UiLang, commentId: string, actions: BadgeActions, answer?: Answer): BadgeView {
  const host = doc.createElement(BADGE_TAG);
  host.dataset.vigieComment = commentId;
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow);
  const wrap = skeleton(doc);
  const pill = wrap.firstChild as HTMLElement;
  const button = wrap.lastChild as HTMLButtonElement;
  button.textContent = label(lang, 'badge.escalate');
  // The badge sits inside links and clickable posts: keep our clicks from opening the post.
  let claimButton: HTMLButtonElement | undefined;
  host.addEventListener('click', (e) => {
    e.stopPropagation();
    const path = e.composedPath();
    if (claimButton && path.includes(claimButton)) {
      e.preventDefault();
      actions.claim(claimButton.dataset.mine === 'true');
      return;
    }
    if (host.dataset.vigieRetrying && path.includes(pill)) {
      e.preventDefault();
      actions.retry();
      return;
    }
    if (!path.includes(button)) return;
    e.preventDefault();
    actions.escalate();
  });
  host.addEventListener('keydown', (e) => {
    if (host.dataset.vigieRetrying && e.composedPath().includes(pill) && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      actions.retry();
    }
  });

  let message: HTMLElement | undefined;
  let chips: HTMLElement[] = [];
  let result: SentimentResult | undefined;
  // The tooltip is formatted when someone points at the badge, not for each of a thousand badges.
  host.addEventListener('pointerenter', () => {
    if (result && !pill.title) {
      pill.title = translate(lang, 'badge.title', { label: pill.textContent ?? '', confidence: Math.round(result.confidence * 100), lang: result.lang });
    }
  });
  const showStatus = (status: CommentStatus) => {
    const flagged = status === 'flagged';
    button.setAttribute('aria-pressed', String(flagged));
    button.textContent = label(lang, flagged ? 'badge.escalated' : 'badge.escalate');
    host.dataset.vigieStatus = status;
  };
  const notRetrying = () => {
    delete host.dataset.vigieRetrying;
    pill.removeAttribute('role');
    pill.removeAttribute('tabindex');
  };
  const showPending = () => {
    notRetrying();
    pill.className = 'pill pending';
    pill.textContent = label(lang, 'sentiment.pending');
    pill.removeAttribute('title');
  };
  const showResult = (sentiment: SentimentResult, status: CommentStatus) => {
    result = sentiment;
    notRetrying();
    // A label right less than half the time is shown as a guess, not asserted.
    const uncertain = isUncertain(sentiment.confidence);
    pill.className = `pill ${sentiment.label}${uncertain ? ' uncertain' : ''}`;
    const text = label(lang, `sentiment.${sentiment.label}`);
    pill.textContent = uncertain ? translate(lang, 'sentiment.uncertain', { label: text }) : text;
    pill.removeAttribute('title');
    host.dataset.vigieSentiment = sentiment.label;
    if (uncertain) host.dataset.vigieUncertain = 'true';
    else delete host.dataset.vigieUncertain;
    for (const chip of chips) chip.remove();
    chips = [...new Set(sentiment.risks.map((r) => r.tag))].map((tag) => {
      const chip = doc.createElement('span');
      chip.className = 'pill risk';
      chip.dataset.risk = tag;
      chip.textContent = label(lang, `risk.${tag}`);
      wrap.insertBefore(chip, button);
      return chip;
    });
    if (message) message.textContent = '';
    if (status !== 'new') showStatus(status);
  };

  let teamPill: HTMLElement | undefined;
  const showTeam = (view: TeamView) => {
    const line = teamLine(lang, view);
    if (line) {
      teamPill ??= doc.createElement('span');
      teamPill.className = `pill team${line.held ? ' held' : ''}`;
      teamPill.textContent = line.text;
      if (!teamPill.isConnected) wrap.insertBefore(teamPill, button);
    } else teamPill?.remove();
    const mine = view.claimed?.mine === true;
    if (claimable(view)) {
      claimButton ??= doc.createElement('button');
      claimButton.type = 'button';
      claimButton.dataset.action = 'claim';
      claimButton.dataset.mine = String(mine);
      claimButton.textContent = label(lang, mine ? 'team.release' : 'team.claim');
      if (!claimButton.isConnected) wrap.insertBefore(claimButton, button.nextSibling);
    } else claimButton?.remove();
    const set = (key: string, who: { name: string } | undefined) => {
      if (who) host.dataset[key] = who.name;
      else delete host.dataset[key];
    };
    set('vigieFlaggedBy', view.flagged);
    set('vigieClaimedBy', view.claimed);
    set('vigieAnsweredBy', view.answered);
  };

  if (answer) {
    showResult(answer.sentiment, answer.status);
    if (answer.team) showTeam(answer.team);
  }
  else showPending();
  shadow.append(wrap);

  return {
    host,
    showStatus,
    showResult,
    showTeam,
    showPending,
    showRetrying(reason) {
      host.dataset.vigieRetrying = 'true';
      pill.className = 'pill pending retrying';
      pill.textContent = label(lang, 'sentiment.retrying');
      pill.title = translate(lang, 'sentiment.retryingTitle', { reason });
      pill.setAttribute('role', 'button');
      pill.tabIndex = 0;
    },
    showError(text) {
      if (!message) {
        message = doc.createElement('span');
        message.className = 'error';
        message.setAttribute('role', 'status');
        wrap.append(message);
      }
      message.textContent = text;
    },
    showIncident(incidentId, title) {
      host.dataset.vigieIncident = incidentId;
      const incident = doc.createElement('span');
      incident.className = 'pill incident';
      incident.textContent = translate(lang, 'badge.incident', { title });
      wrap.querySelector('.incident')?.remove();
      wrap.insertBefore(incident, message ?? null);
      showStatus('flagged');
    },
  };
}
