import { useT } from '../../i18n/i18n.tsx';
import { RecordPicker } from '../../ui/RecordPicker.tsx';
import { resolveAgreement, resolveAsset, resolveInvention, searchAgreements, searchAssets, searchInventions } from './record-search.ts';

const sources = {
  invention: { search: searchInventions, resolve: resolveInvention },
  agreement: { search: searchAgreements, resolve: resolveAgreement },
  asset: { search: searchAssets, resolve: resolveAsset },
};

interface LinkPickerProps {
  kind: keyof typeof sources;
  path: string;
  label: string;
  value: string | null;
  valueLabel?: string;
  onChange: (id: string | null, label: string) => void;
  required?: boolean;
  error?: string | undefined;
}

/** Chooses the invention, agreement or asset a record refers to, by searching its reference or title. */
export function LinkPicker({ kind, ...props }: LinkPickerProps) {
  const t = useT();
  return <RecordPicker {...props} {...sources[kind]} searchLabel={t('ui.searchIn')} emptyLabel={t('form.none')} />;
}
