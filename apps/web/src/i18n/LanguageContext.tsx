import { roleNames, type RoleCode } from '@zhiyuan/core';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import i18n, { storedLanguage, storeLanguage, type Lang } from '.';

type LanguageValue = { lang: Lang; setLang: (lang: Lang) => void; roleName: (code: RoleCode) => string };

const LanguageContext = createContext<LanguageValue | null>(null);

function apply(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

apply(storedLanguage());

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLanguage);

  useEffect(() => apply(lang), [lang]);

  const setLang = useCallback((l: Lang) => {
    storeLanguage(l);
    apply(l);
    void i18n.changeLanguage(l);
    setLangState(l);
  }, []);

  const value = useMemo<LanguageValue>(
    () => ({ lang, setLang, roleName: (code) => roleNames[code]?.[lang === 'en' ? 'en' : 'zh'] ?? code }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  const v = useContext(LanguageContext);
  if (!v) throw new Error('useLanguage outside LanguageProvider');
  return v;
}
