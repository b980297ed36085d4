import { useI18n } from './i18n.tsx';

/** Offers the other language, written in that language (and marked so screen readers pronounce it right). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" className="button button-quiet lang-switch" lang={other} onClick={() => setLang(other)} aria-label={t('lang.switch')}>
      {other === 'en' ? 'English' : 'Français'}
    </button>
  );
}
