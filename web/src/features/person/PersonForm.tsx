import type { EmploymentStatus, Person, PersonInput } from '#core/person';
import { employmentStatuses } from '../../api/enums.ts';
import { orNull, useRecordForm } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormShell } from '../../ui/FormShell.tsx';
import { RowsFieldset } from '../../ui/RowsFieldset.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { personLabel } from '../directory/directory-api.ts';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';

type Affiliation = Omit<PersonInput['affiliations'][number], 'organisationId'> & { organisationId: string | null; organisationName?: string };
type Draft = Omit<PersonInput, 'employmentStatus' | 'affiliations'> & { employmentStatus: EmploymentStatus | ''; affiliations: Affiliation[] };

const labels: Record<string, MessageKey> = {
  firstName: 'person.firstName',
  lastName: 'person.lastName',
  email: 'person.email',
  employmentStatus: 'person.employmentStatus',
  orcid: 'person.orcid',
  affiliations: 'person.affiliations',
  organisationId: 'person.organisation',
  title: 'person.title',
  startDate: 'person.startDate',
  endDate: 'person.endDate',
};

function toInput(draft: Draft) {
  return { ...draft, affiliations: draft.affiliations.map(({ organisationName: _name, ...affiliation }) => affiliation) };
}

function draftOf(person: Person | null): Draft {
  if (!person) return { firstName: '', lastName: '', email: null, employmentStatus: '', orcid: null, affiliations: [] };
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    employmentStatus: person.employmentStatus,
    orcid: person.orcid,
    affiliations: person.affiliations.map(({ organisationId, organisationName, title, startDate, endDate }) => ({ organisationId, organisationName, title, startDate, endDate })),
  };
}

export function PersonForm({ person }: { person: Person | null }) {
  const t = useT();
  const form = useRecordForm<Draft>({ path: '/api/people', id: person?.id ?? null, initial: draftOf(person), labels, t, toInput });
  const { values, set, errors } = form;
  // The picker's label travels with the row for display only; the API takes the id.
  const send = (rows: Affiliation[]) => set('affiliations', rows);
  const setRow = (index: number, change: Partial<Affiliation>) => send(values.affiliations.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <FormShell title={person ? t('person.edit', { name: personLabel(person) }) : t('person.new')} {...form.shell}>
      <div className="form-grid">
        <TextField path="firstName" label={t('person.firstName')} value={values.firstName} onChange={(v) => set('firstName', v)} required error={errors.firstName} autoComplete="off" />
        <TextField path="lastName" label={t('person.lastName')} value={values.lastName} onChange={(v) => set('lastName', v)} required error={errors.lastName} autoComplete="off" />
        <TextField path="email" type="email" label={t('person.email')} value={values.email ?? ''} onChange={(v) => set('email', orNull(v))} error={errors.email} autoComplete="off" />
        <SelectField path="employmentStatus" label={t('person.employmentStatus')} value={values.employmentStatus} emptyLabel={t('form.choose')} options={enumOptions(t, 'employmentStatus', employmentStatuses)} onChange={(v) => set('employmentStatus', v as EmploymentStatus)} required error={errors.employmentStatus} />
        <TextField path="orcid" label={t('person.orcid')} hint="0000-0002-1825-0097" value={values.orcid ?? ''} onChange={(v) => set('orcid', orNull(v))} error={errors.orcid} />
      </div>
      <RowsFieldset
        path="affiliations"
        legend={t('person.affiliations')}
        rows={values.affiliations}
        error={errors.affiliations}
        addLabel={t('person.addAffiliation')}
        removeLabel={(n) => t('person.removeAffiliation', { n })}
        onAdd={() => send([...values.affiliations, { organisationId: null, title: null, startDate: '', endDate: null }])}
        onRemove={(index) => send(values.affiliations.filter((_, i) => i !== index))}
        renderRow={(row, i) => (
          <>
            <OrganisationPicker path={`affiliations.${i}.organisationId`} label={t('person.organisation')} value={row.organisationId} valueLabel={row.organisationName} onChange={(id, name) => setRow(i, { organisationId: id, organisationName: name })} required error={errors[`affiliations.${i}.organisationId`]} />
            <TextField path={`affiliations.${i}.title`} label={t('person.title')} value={row.title ?? ''} onChange={(v) => setRow(i, { title: orNull(v) })} error={errors[`affiliations.${i}.title`]} />
            <TextField path={`affiliations.${i}.startDate`} type="date" label={t('person.startDate')} value={row.startDate} onChange={(v) => setRow(i, { startDate: v })} required error={errors[`affiliations.${i}.startDate`]} />
            <TextField path={`affiliations.${i}.endDate`} type="date" label={t('person.endDate')} value={row.endDate ?? ''} onChange={(v) => setRow(i, { endDate: orNull(v) })} error={errors[`affiliations.${i}.endDate`]} />
          </>
        )}
      />
    </FormShell>
  );
}
