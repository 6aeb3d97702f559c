/**
 * Vigie beside each reply box: the template picker, inline ;trigger expansion, and the brand-voice
 * check as the reply is typed (underlines, a card with the why and one-click fixes, a summary).
 * Nothing is added inside the platform's editor: the bar floats next to it.
 */
import { translate, type MessageKey, type UiLang } from '../i18n';
import type { TemplateSummary, VoiceFinding } from '../messaging/protocol';
import { composerText, replaceTextRange } from '../platforms/editing';
import type { PlatformAdapter } from '../platforms/types';
import { openPicker } from './picker';
import { isRefusal } from '../messaging/send';
import type { Send } from './runtime';
import { baseCss, el, shadowHost } from './shadow';
import { createMarks, offsetOf } from './voice-marks';

export interface ComposerDeps {
  adapter: PlatformAdapter;
  document: Document;
  send: Send;
  lang: UiLang;
  signal: AbortSignal;
  /** The logged-in account, which selects the brand (templates, voice pack, vous or tu). */
  account(): { account?: string };
  /** The stored id of the comment this reply box answers, if any. */
  answering(editor: Element): string | undefined;
  voiceEnabled(): boolean;
  /** Triggers of the templates, fetched once per page. */
  triggers(): Promise<{ trigger: string; templateId: string; hasFields: boolean }[]>;
  /** The user started a reply in this box: in a team, its comment is claimed so nobody answers twice. */
  startedReply(editor: Element): void;
}

export interface ComposerHandle {
  editor: HTMLElement;
  openPicker(initialQuery?: string): void;
  /** Moves the bar to its editor on the next frame: the page's layout moved it without a scroll. */
  reposition(): void;
}

const CHECK_DELAY_MS = 300;
/** A check the background could not answer is asked again this long after, unless a keystroke asks first. */
const CHECK_RETRY_MS = 5_000;
const TRIGGER = /(?:^|\s)(;[\p{L}\p{N}_-]{2,30})[ \u00a0]$/u;

const css = `${baseCss}
.bar { position: fixed; z-index: 2147483000; display: flex; gap: 4px; align-items: center; }
.bar button { padding: 1px 8px; font-size: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.summary[data-state="error"] { border-color: #d93025; color: #8c1d18; }
.summary[data-state="warning"] { border-color: #e37400; color: #7a3e00; }
.summary[data-state="ok"] { border-color: #1e8e3e; color: #0d5222; }
.summary[data-state="failed"] { border-style: dashed; color: #5f6368; }
.panel, .card { position: fixed; z-index: 2147483001; background: #fff; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  padding: 8px 10px; width: min(380px, 90vw); max-height: 50vh; overflow: auto; }
.finding { border-top: 1px solid #eee; padding: 6px 0; }
.finding:first-child { border-top: none; }
.sev { font-size: 11px; text-transform: uppercase; font-weight: 700; }
.sev-error { color: #d93025; } .sev-warning { color: #e37400; } .sev-suggestion { color: #1a73e8; }
.why { color: #5f6368; font-size: 12px; margin: 2px 0; }
.fixes { display: flex; gap: 4px; flex-wrap: wrap; margin-top: 4px; }
.fix { border-color: #1e8e3e; color: #0d5222; }
`;

export function attachComposer(deps: ComposerDeps, editor: HTMLElement): ComposerHandle {
  const { document: doc, lang, adapter } = deps;
  // This reply box's own life: it ends with the page's, or earlier when the box leaves the page
  // (old Reddit's reply forms come and go), taking its listeners and pending checks with it.
  const own = new AbortController();
  const signal = AbortSignal.any([deps.signal, own.signal]);
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const { host, root } = shadowHost(doc, 'vigie-composer-bar', css);
  const marks = createMarks(doc, editor);
  const templatesButton = el(doc, 'button', { text: t('composer.templates'), attrs: { type: 'button', 'data-action': 'open-picker', 'aria-haspopup': 'dialog' } });
  const summary = el(doc, 'button', { className: 'summary', attrs: { type: 'button', 'data-action': 'voice-summary', 'aria-expanded': 'false' } });
  // The check can be paused for this one reply box (a quote, a reply in another brand's name).
  const pause = el(doc, 'button', { text: t('composer.pause'), attrs: { type: 'button', 'data-action': 'voice-pause', 'aria-pressed': 'false' } });
  const bar = el(doc, 'div', { className: 'bar' }, templatesButton, summary, pause);
  const panel = el(doc, 'div', { className: 'panel', attrs: { role: 'region', 'aria-label': t('composer.voiceTitle') } });
  const card = el(doc, 'div', { className: 'card', attrs: { role: 'tooltip' } });
  panel.hidden = card.hidden = true;
  root.append(bar, panel, card);
  host.hidden = true;
  doc.documentElement.append(host);

  let findings: VoiceFinding[] = [];
  let counts = { error: 0, warning: 0, suggestion: 0 };
  let pausedHere = false;
  const checking = () => deps.voiceEnabled() && !pausedHere;
  let mode: 'trainee' | 'expert' = 'trainee';
  const ignoredHere = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checkSeq = 0;
  let pickerOpen = false;
  let lastInserted: { templateId: string; commentId?: string } | undefined;

  // ---- position: the bar follows the editor's bottom-right corner.
  let frame = 0;
  const place = () => {
    frame = 0;
    if (!editor.isConnected) return gone();
    const r = editor.getBoundingClientRect();
    host.hidden = r.width === 0 && r.height === 0;
    bar.style.top = `${Math.round(r.bottom + 2)}px`;
    bar.style.left = `${Math.round(Math.max(4, r.right - bar.offsetWidth))}px`;
    panel.style.top = `${Math.round(Math.min(r.bottom + 28, innerHeight - 120))}px`;
    panel.style.left = `${Math.round(Math.max(4, r.right - 380))}px`;
  };
  const schedulePlace = () => (frame ||= requestAnimationFrame(place));
  addEventListener('scroll', schedulePlace, { capture: true, passive: true, signal });
  addEventListener('resize', schedulePlace, { passive: true, signal });
  const stillThere = setInterval(() => {
    if (!editor.isConnected) return gone();
    schedulePlace();
    // A textarea cleared from React state changes no DOM: look at its value once a second instead.
    if (lastInserted && editor instanceof HTMLTextAreaElement) sentCheck();
  }, 1000);

  // ---- voice check
  const renderSummary = () => {
    const { error: errors, warning: warnings, suggestion: suggestions } = counts;
    summary.dataset.state = errors ? 'error' : warnings ? 'warning' : 'ok';
    summary.dataset.errors = String(errors);
    summary.dataset.warnings = String(warnings);
    summary.textContent = findings.length ? t('composer.summary', { errors, warnings, suggestions }) : t('composer.voiceOk');
    summary.hidden = !checking();
    pause.hidden = !deps.voiceEnabled();
  };

  const findingView = (f: VoiceFinding) => {
    const fixes = f.fixes.slice(0, 4).map((fix) => {
      const b = el(doc, 'button', { className: 'fix', text: fix === '' ? t('composer.remove') : fix, attrs: { type: 'button', 'data-action': 'apply-fix' } });
      b.addEventListener('click', () => void applyFix(f, fix));
      return b;
    });
    const here = el(doc, 'button', { text: t('composer.ignoreHere'), attrs: { type: 'button', 'data-action': 'ignore-here' } });
    here.addEventListener('click', () => {
      ignoredHere.add(`${f.ruleId}:${f.start}:${f.match}`);
      scheduleCheck(0);
    });
    const brand = el(doc, 'button', { text: t('composer.ignoreBrand'), attrs: { type: 'button', 'data-action': 'ignore-brand' } });
    brand.addEventListener('click', () =>
      void deps.send({ type: 'cs:voice-ignore', platform: adapter.id, ruleId: f.ruleId, match: f.match, ...deps.account() }).then(
        () => scheduleCheck(0),
        (err: Error) => failed('composer.ignoreFailed', err),
      ),
    );
    return el(doc, 'div', { className: 'finding', attrs: { 'data-rule': f.ruleId } },
      el(doc, 'div', { className: `sev sev-${f.severity}`, text: t(`voice.${f.severity}`) }),
      el(doc, 'div', { text: f.message }),
      mode === 'trainee' && f.explanation ? el(doc, 'div', { className: 'why', text: f.explanation }) : null,
      // A rule a lead locked offers its fixes, never a way around it.
      el(doc, 'div', { className: 'fixes' }, ...fixes, ...(f.locked ? [el(doc, 'span', { className: 'locked', text: t('composer.locked') })] : [here, brand])),
    );
  };

  const renderPanel = () => {
    panel.replaceChildren(
      el(doc, 'strong', { text: t('composer.voiceTitle') }),
      ...(findings.length ? findings.map(findingView) : [el(doc, 'p', { text: t('composer.voiceOk') })]),
    );
  };

  const check = async () => {
    timer = undefined;
    if (!checking()) {
      findings = [];
      counts = { error: 0, warning: 0, suggestion: 0 };
      marks.clear();
      return renderSummary();
    }
    const mine = ++checkSeq;
    const text = composerText(editor);
    try {
      const answer = await deps.send({ type: 'cs:voice-check', platform: adapter.id, text, ignoredHere: [...ignoredHere], ...deps.account() });
      // A later keystroke already asked again: this answer is about old text.
      if (mine !== checkSeq || signal.aborted) return;
      findings = answer.findings;
      counts = answer.summary;
      mode = answer.mode;
      marks.show(findings);
      renderSummary();
      if (!panel.hidden) renderPanel();
    } catch (err) {
      if (mine !== checkSeq || signal.aborted) return;
      failed('composer.voiceFailed', err as Error);
      // The background said no (a reply past the message's limit): the same text gets the same answer.
      if (!isRefusal(err)) scheduleCheck(CHECK_RETRY_MS);
    }
  };
  /** Said on the summary, where the user looks; the reply being typed is never touched. */
  const failed = (key: 'composer.voiceFailed' | 'composer.ignoreFailed' | 'composer.triggerFailed', err: Error) => {
    summary.hidden = false;
    summary.dataset.state = 'failed';
    summary.textContent = t(key, { reason: err.message });
  };
  const scheduleCheck = (delay = CHECK_DELAY_MS) => {
    if (timer) clearTimeout(timer);
    if (signal.aborted) return;
    timer = setTimeout(() => void check(), delay);
  };

  const applyFix = async (f: VoiceFinding, fix: string) => {
    card.hidden = true;
    await replaceTextRange(editor, f.start, f.end, fix, adapter.input);
    scheduleCheck(0);
  };

  // ---- the card on hover and on caret
  const showCardFor = (offset: number | undefined, x: number, y: number) => {
    const f = offset === undefined ? undefined : marks.at(offset);
    if (!f) return void (card.hidden = true);
    card.replaceChildren(findingView(f));
    card.style.left = `${Math.round(Math.min(x, innerWidth - 390))}px`;
    card.style.top = `${Math.round(y + 18)}px`;
    card.hidden = false;
  };
  editor.addEventListener(
    'mousemove',
    (e) => {
      const pos = (doc as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(e.clientX, e.clientY);
      showCardFor(pos ? offsetOf(editor, pos.offsetNode, pos.offset) : undefined, e.clientX, e.clientY);
    },
    { signal, passive: true },
  );
  host.addEventListener('mouseleave', () => (card.hidden = true));
  doc.addEventListener(
    'selectionchange',
    () => {
      const sel = doc.getSelection();
      if (!sel?.focusNode || !editor.contains(sel.focusNode)) return;
      const rect = sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : editor.getBoundingClientRect();
      showCardFor(offsetOf(editor, sel.focusNode, sel.focusOffset), rect.left, rect.top);
    },
    { signal },
  );

  pause.addEventListener('click', () => {
    pausedHere = !pausedHere;
    pause.setAttribute('aria-pressed', String(pausedHere));
    pause.textContent = t(pausedHere ? 'composer.resume' : 'composer.pause');
    panel.hidden = card.hidden = true;
    scheduleCheck(0);
  });

  summary.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    summary.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
      renderPanel();
      schedulePlace();
    }
  });

  // ---- templates
  const insertRendered = async (tpl: Pick<TemplateSummary, 'id'>, fields: Record<string, string>, force: boolean, range?: [number, number]): Promise<string | null> => {
    const commentId = deps.answering(editor);
    const rendered = await deps.send({ type: 'cs:template-render', templateId: tpl.id, platform: adapter.id, fields, ...(commentId ? { commentId } : {}), ...deps.account() });
    if (!rendered.length.ok && !force) return t('picker.tooLong', { length: rendered.length.length, limit: rendered.length.limit });
    const ok = range
      ? await replaceTextRange(editor, range[0], range[1], rendered.text, adapter.input)
      : await adapter.writeComposer(editor, rendered.text, composerText(editor).trim() ? 'insert' : 'replace');
    if (!ok) return t('picker.insertFailed');
    // The text is in: a usage count lost to a dying background must not make the user insert it twice.
    void deps.send({ type: 'cs:template-used', templateId: tpl.id, ...(commentId ? { commentId } : {}) }).catch(() => {});
    lastInserted = { templateId: tpl.id, ...(commentId ? { commentId } : {}) };
    scheduleCheck(0);
    return null;
  };

  const showPicker = (initialQuery = '') => {
    if (pickerOpen) return;
    pickerOpen = true;
    const picker = openPicker(
      doc,
      lang,
      {
        search: async (query) => {
          const commentId = deps.answering(editor);
          return (await deps.send({ type: 'cs:templates-suggest', platform: adapter.id, query, ...(commentId ? { commentId } : {}), ...deps.account() })).templates;
        },
        insert: (tpl, fields, force) => insertRendered(tpl, fields, force),
      },
      () => {
        pickerOpen = false;
        editor.focus();
      },
    );
    if (initialQuery) {
      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
      input.value = initialQuery;
      input.dispatchEvent(new Event('input'));
    }
  };
  templatesButton.addEventListener('click', () => showPicker());

  // ---- noticing the reply was sent: platforms clear the box from their own state after posting,
  // with no input event, so the editor's DOM is watched (one observer per reply box, few per page).
  let sentFrame = 0;
  const sentCheck = () => {
    sentFrame = 0;
    if (!lastInserted || composerText(editor).trim() !== '') return;
    const { commentId } = lastInserted;
    lastInserted = undefined;
    if (commentId) void deps.send({ type: 'cs:set-status', commentId, status: 'replied' }).catch(() => {});
  };
  const emptied = new MutationObserver(() => {
    if (lastInserted) sentFrame ||= requestAnimationFrame(sentCheck);
  });
  if (!(editor instanceof HTMLTextAreaElement)) emptied.observe(editor, { childList: true, subtree: true, characterData: true });

  // ---- typing: voice check and inline triggers
  // The first words of a reply claim its comment for the team, once per reply.
  let replyStarted = false;
  const onInput = async () => {
    schedulePlace();
    scheduleCheck();
    const text = composerText(editor);
    if (!replyStarted && text.trim() !== '') {
      replyStarted = true;
      deps.startedReply(editor);
    } else if (replyStarted && text.trim() === '') replyStarted = false;
    if (lastInserted && text.trim() === '') return sentCheck();
    const sel = doc.getSelection();
    const caret = editor instanceof HTMLTextAreaElement ? editor.selectionStart : sel?.focusNode ? offsetOf(editor, sel.focusNode, sel.focusOffset) : undefined;
    if (caret === undefined || caret === null) return;
    const typed = TRIGGER.exec(text.slice(0, caret));
    if (!typed) return;
    const trigger = typed[1]!.toLowerCase();
    const found = (await deps.triggers()).find((x) => x.trigger.toLowerCase() === trigger);
    if (!found) return;
    const start = caret - typed[1]!.length - 1;
    if (found.hasFields) {
      await replaceTextRange(editor, start, caret, '', adapter.input);
      showPicker(trigger);
    } else {
      // The trigger stays as typed when the template cannot be had: the user sees why and can type it again.
      await insertRendered({ id: found.templateId }, {}, true, [start, caret]).catch((err: Error) => failed('composer.triggerFailed', err));
    }
  };
  editor.addEventListener('input', () => void onInput(), { signal });
  editor.addEventListener('keyup', (e) => {
    // Draft.js and some editors do not fire input for every change; keyup catches those.
    if (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Enter') scheduleCheck();
  }, { signal });
  editor.addEventListener('focus', schedulePlace, { signal });

  /**
   * The reply box left the page. Some platforms empty it and remove it in one go once the reply is
   * posted (old Reddit's reply forms): look at its value one last time before letting it go.
   */
  function gone() {
    sentCheck();
    detach();
  }
  function detach() {
    own.abort();
    clearInterval(stillThere);
    emptied.disconnect();
    if (timer) clearTimeout(timer);
    marks.clear();
    host.remove();
  }
  deps.signal.addEventListener('abort', detach, { signal: own.signal });
  renderSummary();
  schedulePlace();
  scheduleCheck(0);
  return { editor, openPicker: showPicker, reposition: schedulePlace };
}
