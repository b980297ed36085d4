import type { FeeLine, UnknownFee } from '#core/fees/fee-forecast';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';

const kindLabels: Record<UnknownFee['kind'], MessageKey> = {
  renewal: 'forecast.feeKind.renewal',
  'maintenance-fee': 'forecast.feeKind.maintenance-fee',
  'unitary-renewal': 'forecast.feeKind.unitary-renewal',
  'national-renewal': 'forecast.feeKind.national-renewal',
  'office-fees': 'forecast.feeKind.office-fees',
};

/** "EP renewal, year 5", "US maintenance fee, 7.5 years", "Unitary Patent renewal, year 6". */
export function feeLabel(t: Translate, fee: Pick<FeeLine, 'office'> & { kind: UnknownFee['kind']; year: number | null }, formatNumber: (value: number) => string): string {
  if (fee.year === null) return `${t(kindLabels[fee.kind])} (${fee.office})`;
  const year = formatNumber(fee.year);
  switch (fee.kind) {
    case 'renewal':
      return t('docket.what.renewal', { office: fee.office, year });
    case 'maintenance-fee':
      return t('docket.what.maintenance', { office: fee.office, year });
    case 'unitary-renewal':
      return t('forecast.fee.unitary', { year });
    case 'national-renewal':
    case 'office-fees':
      return `${t(kindLabels[fee.kind])} (${fee.office}), ${t('forecast.fee.year', { year })}`;
  }
}
