import { useT } from '../../i18n/i18n.tsx';
import { RecordPicker } from '../../ui/RecordPicker.tsx';
import { resolvePerson, searchPeople } from './directory-api.ts';

interface PersonPickerProps {
  path: string;
  label: string;
  value: string | null;
  valueLabel?: string;
  onChange: (id: string | null, label: string) => void;
  required?: boolean;
  error?: string | undefined;
}

/** Chooses a person of the directory by searching their name or e-mail. */
export function PersonPicker(props: PersonPickerProps) {
  const t = useT();
  return <RecordPicker {...props} search={searchPeople} resolve={resolvePerson} searchLabel={t('ui.searchIn')} emptyLabel={t('form.none')} />;
}
