import { useI18n } from '../i18n/i18n.tsx';

/** The running sum of shares or contributions, which must reach 100 %. */
export function ShareTotal({ values }: { values: readonly (number | null)[] }) {
  const { t, formatNumber } = useI18n();
  const hundredths = values.reduce<number>((sum, value) => sum + Math.round((value ?? 0) * 100), 0);
  const isComplete = hundredths === 10_000;
  return (
    <p className={`share-total ${isComplete ? 'share-ok' : 'share-off'}`} aria-live="polite">
      {t('ui.shareTotal', { total: formatNumber(hundredths / 100, { maximumFractionDigits: 2 }) })}
      {!isComplete && ` — ${t('ui.shareMustBe100')}`}
    </p>
  );
}
