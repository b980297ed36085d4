import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type Lang = 'fr' | 'en';
export type { MessageKey } from './fr.ts';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'valo.lang';

/** The remembered choice, else the browser's language (French for any fr-*), else English. */
export function initialLang(): Lang {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** An office date (YYYY-MM-DD) or a timestamp, in the reader's language; the day never shifts with the time zone. */
  formatDate(value: string | null | undefined): string;
  /** A timestamp with its time of day, in the reader's language and time zone. */
  formatDateTime(value: string | null | undefined): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, lang: fixedLang }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixedLang ?? initialLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    safeStorage()?.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      formatDate(text) {
        if (!text) return '';
        const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
        return Number.isNaN(date.getTime()) ? text : dates.format(date);
      },
      formatDateTime(text) {
        if (!text) return '';
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? text : times.format(date);
      },
      formatNumber: (number, options) => new Intl.NumberFormat(lang, options).format(number),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
