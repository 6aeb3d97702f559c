import { createContext, useContext, type ReactNode } from 'react';
import { detectUiLang, translate, type MessageKey, type UiLang } from '../lib/i18n';
import { useSetting } from './hooks';

const LangContext = createContext<UiLang>(detectUiLang());

/** The interface language: the user's choice, else the browser's. */
export function LangProvider({ children }: { children: ReactNode }) {
  const choice = useSetting('uiLang');
  const lang = choice === 'auto' ? detectUiLang() : choice;
  return (
    <LangContext.Provider value={lang}>
      <div lang={lang}>{children}</div>
    </LangContext.Provider>
  );
}

export const useLang = () => useContext(LangContext);

export function useT() {
  const lang = useContext(LangContext);
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
