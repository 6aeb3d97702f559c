import { createContext, useContext } from 'react';
import { detectUiLang, translate, type MessageKey, type UiLang } from '../lib/i18n';

const LangContext = createContext<UiLang>(detectUiLang());

export const LangProvider = LangContext.Provider;

export function useT() {
  const lang = useContext(LangContext);
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
