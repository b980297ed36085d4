import type { OrganisationKind } from '#core/organisation';
import { useT } from '../../i18n/i18n.tsx';
import { RecordPicker } from '../../ui/RecordPicker.tsx';
import { resolveOrganisation, searchOrganisations } from './directory-api.ts';

interface OrganisationPickerProps {
  path: string;
  label: string;
  value: string | null;
  valueLabel?: string;
  kind?: OrganisationKind;
  onChange: (id: string | null, label: string) => void;
  required?: boolean;
  error?: string | undefined;
}

/** Chooses an organisation of the directory (optionally of one kind) by searching its name. */
export function OrganisationPicker({ kind, ...props }: OrganisationPickerProps) {
  const t = useT();
  return (
    <RecordPicker
      {...props}
      search={(q) => searchOrganisations(q, kind)}
      resolve={resolveOrganisation}
      searchLabel={t('ui.searchIn')}
      emptyLabel={t('form.none')}
    />
  );
}
