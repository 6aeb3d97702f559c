/**
 * The page context menu "Clip into incident", with one entry per incident being handled. Rebuilt
 * whenever incidents change, so it never offers a resolved one.
 */
import { browser } from 'wxt/browser';
import type { Incident } from '../crisis/model';
import { translate, type UiLang } from '../i18n';
import { serial } from './kv';

export const CLIP_MENU = 'vigie-clip';
const CHILD = `${CLIP_MENU}:`;

export interface MenuItem {
  id: string;
  title: string;
  parentId?: string;
  enabled?: boolean;
}

const short = (s: string) => (s.length > 60 ? s.slice(0, 59) + '…' : s);

export function clipMenuItems(active: readonly Pick<Incident, 'id' | 'title' | 'severity'>[], lang: UiLang): MenuItem[] {
  const parent: MenuItem = { id: CLIP_MENU, title: translate(lang, 'clip.menu') };
  if (!active.length) return [parent, { id: `${CHILD}none`, parentId: CLIP_MENU, title: translate(lang, 'clip.menu.none'), enabled: false }];
  return [parent, ...active.map((i) => ({ id: `${CHILD}${i.id}`, parentId: CLIP_MENU, title: `${i.severity} · ${short(i.title)}` }))];
}

/** The incident a clicked menu entry stands for, if it is one of ours. */
export function incidentOfMenuItem(menuItemId: string | number): string | null {
  const id = String(menuItemId);
  return id.startsWith(CHILD) && id !== `${CHILD}none` ? id.slice(CHILD.length) : null;
}

function create(item: MenuItem): Promise<void> {
  return new Promise((resolve, reject) => {
    browser.contextMenus.create({ ...item, contexts: ['page'] }, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}

const rebuilding = serial();

export function rebuildClipMenu(active: readonly Pick<Incident, 'id' | 'title' | 'severity'>[], lang: UiLang): Promise<void> {
  return rebuilding(async () => {
    await browser.contextMenus.removeAll();
    for (const item of clipMenuItems(active, lang)) await create(item);
  });
}
