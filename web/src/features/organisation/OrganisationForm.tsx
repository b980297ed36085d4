import type { Organisation, OrganisationInput, OrganisationKind } from '#core/organisation';
import { companyCategories, organisationKinds } from '../../api/enums.ts';
import { orNull, useRecordForm } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormShell } from '../../ui/FormShell.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';

type Draft = Omit<OrganisationInput, 'kind'> & { kind: OrganisationKind | '' };

const labels: Record<string, MessageKey> = {
  kind: 'organisation.kind',
  name: 'organisation.name',
  shortName: 'organisation.shortName',
  parentId: 'organisation.parent',
  companyCategory: 'organisation.companyCategory',
  mandataireId: 'organisation.mandataire',
  siren: 'organisation.siren',
  rnsr: 'organisation.rnsr',
  ror: 'organisation.ror',
  country: 'organisation.country',
  city: 'organisation.city',
};

function draftOf(organisation: Organisation | null): Draft {
  if (!organisation) {
    return { kind: '', name: '', shortName: null, parentId: null, companyCategory: null, mandataireId: null, siren: null, rnsr: null, ror: null, country: 'FR', city: null };
  }
  const { id: _id, createdAt: _created, updatedAt: _updated, ...input } = organisation;
  return input;
}

export function OrganisationForm({ organisation }: { organisation: Organisation | null }) {
  const t = useT();
  const form = useRecordForm<Draft>({ path: '/api/organisations', id: organisation?.id ?? null, initial: draftOf(organisation), labels, t });
  const { values, set, errors } = form;
  const text = (field: 'name' | 'shortName' | 'siren' | 'rnsr' | 'ror' | 'country' | 'city', required = false) => (
    <TextField
      path={field}
      label={t(labels[field] ?? 'organisation.name')}
      value={values[field] ?? ''}
      onChange={(value) => set(field, field === 'name' ? value : orNull(value))}
      required={required}
      error={errors[field]}
    />
  );

  return (
    <FormShell title={organisation ? t('organisation.edit', { name: organisation.name }) : t('organisation.new')} {...form.shell}>
      <div className="form-grid">
        <SelectField
          path="kind"
          label={t('organisation.kind')}
          value={values.kind}
          emptyLabel={t('form.choose')}
          options={enumOptions(t, 'organisationKind', organisationKinds)}
          onChange={(value) => {
            set('kind', value as OrganisationKind);
            if (value !== 'company') set('companyCategory', null);
          }}
          required
          error={errors.kind}
        />
        {text('name', true)}
        {text('shortName')}
        {values.kind === 'company' && (
          <SelectField
            path="companyCategory"
            label={t('organisation.companyCategory')}
            value={values.companyCategory ?? ''}
            emptyLabel={t('form.choose')}
            options={enumOptions(t, 'companyCategory', companyCategories)}
            onChange={(value) => set('companyCategory', value === '' ? null : (value as Draft['companyCategory']))}
            required
            error={errors.companyCategory}
          />
        )}
        <OrganisationPicker path="parentId" label={t('organisation.parent')} value={values.parentId} onChange={(id) => set('parentId', id)} error={errors.parentId} />
        {values.kind === 'research_unit' && (
          <OrganisationPicker path="mandataireId" label={t('organisation.mandataire')} value={values.mandataireId} onChange={(id) => set('mandataireId', id)} error={errors.mandataireId} />
        )}
        {text('siren')}
        {text('rnsr')}
        {text('ror')}
        {text('city')}
        {text('country')}
      </div>
    </FormShell>
  );
}
