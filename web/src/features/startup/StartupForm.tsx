import type { Startup, StartupInput, StartupStage } from '#core/startup';
import { startupStages } from '../../api/enums.ts';
import { orNull, useRecordForm } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { FormShell } from '../../ui/FormShell.tsx';
import { RowsFieldset } from '../../ui/RowsFieldset.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import { PersonPicker } from '../directory/PersonPicker.tsx';

interface FounderRow {
  personId: string | null;
  name?: string;
  role: string | null;
}
type Draft = Omit<StartupInput, 'organisationId' | 'stage' | 'founders'> & { organisationId: string | null; organisationName?: string; stage: StartupStage | ''; founders: FounderRow[] };

const labels: Record<string, MessageKey> = {
  organisationId: 'startup.company',
  stage: 'startup.stage',
  isSpinOff: 'startup.isSpinOff',
  schoolId: 'common.school',
  incubatorId: 'startup.incubator',
  incubationStart: 'startup.incubationStart',
  incubationEnd: 'startup.incubationEnd',
  foundedOn: 'startup.foundedOn',
  description: 'startup.description',
  founders: 'startup.founders',
  personId: 'startup.founder',
  role: 'startup.founderRole',
};

function draftOf(startup: Startup | null): Draft {
  if (!startup) {
    return { organisationId: null, stage: '', isSpinOff: true, schoolId: null, incubatorId: null, incubationStart: null, incubationEnd: null, foundedOn: null, description: '', founders: [] };
  }
  const { id: _id, createdAt: _c, updatedAt: _u, name, agreementIds: _a, founders, ...input } = startup;
  return { ...input, organisationName: name, founders: founders.map(({ personId, name: person, role }) => ({ personId, name: person, role })) };
}

function toInput({ organisationName: _name, ...draft }: Draft) {
  return { ...draft, founders: draft.founders.map(({ personId, role }) => ({ personId, role })) };
}

export function StartupForm({ startup }: { startup: Startup | null }) {
  const t = useT();
  const schools = useSchoolOptions();
  const form = useRecordForm<Draft>({ path: '/api/startups', id: startup?.id ?? null, initial: draftOf(startup), labels, t, toInput });
  const { values, set, errors } = form;
  const setFounder = (index: number, change: Partial<FounderRow>) => set('founders', values.founders.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const date = (field: 'incubationStart' | 'incubationEnd' | 'foundedOn') => (
    <TextField path={field} type="date" label={t(labels[field] ?? 'startup.foundedOn')} value={values[field] ?? ''} onChange={(v) => set(field, orNull(v))} error={errors[field]} />
  );

  return (
    <FormShell title={startup ? t('startup.edit', { name: startup.name }) : t('startup.new')} {...form.shell}>
      <p className="field-hint">{t('startup.companyHint')}</p>
      <div className="form-grid">
        <OrganisationPicker path="organisationId" kind="company" label={t('startup.company')} value={values.organisationId} valueLabel={values.organisationName} onChange={(id, name) => form.setValues((v) => ({ ...v, organisationId: id, organisationName: name }))} required error={errors.organisationId} />
        <SelectField path="stage" label={t('startup.stage')} value={values.stage} emptyLabel={t('form.choose')} options={enumOptions(t, 'startupStage', startupStages)} onChange={(v) => set('stage', v as StartupStage)} required error={errors.stage} />
        <SelectField path="schoolId" label={t('common.school')} value={values.schoolId ?? ''} emptyLabel={t('form.none')} options={schools} onChange={(v) => set('schoolId', orNull(v))} error={errors.schoolId} />
        <OrganisationPicker path="incubatorId" kind="incubator" label={t('startup.incubator')} value={values.incubatorId} onChange={(id) => set('incubatorId', id)} error={errors.incubatorId} />
        {date('incubationStart')}
        {date('incubationEnd')}
        {date('foundedOn')}
        <CheckboxField path="isSpinOff" label={t('startup.isSpinOff')} checked={values.isSpinOff} onChange={(v) => set('isSpinOff', v)} error={errors.isSpinOff} />
        <TextAreaField path="description" label={t('startup.description')} value={values.description} onChange={(v) => set('description', v)} error={errors.description} className="span-2" />
      </div>
      <RowsFieldset
        path="founders"
        legend={t('startup.founders')}
        rows={values.founders}
        error={errors.founders}
        addLabel={t('startup.addFounder')}
        removeLabel={(n) => t('startup.removeFounder', { n })}
        onAdd={() => set('founders', [...values.founders, { personId: null, role: null }])}
        onRemove={(index) => set('founders', values.founders.filter((_, i) => i !== index))}
        renderRow={(row, i) => (
          <>
            <PersonPicker path={`founders.${i}.personId`} label={t('startup.founder')} value={row.personId} valueLabel={row.name} onChange={(id, name) => setFounder(i, { personId: id, name })} required error={errors[`founders.${i}.personId`]} />
            <TextField path={`founders.${i}.role`} label={t('startup.founderRole')} value={row.role ?? ''} onChange={(v) => setFounder(i, { role: orNull(v) })} error={errors[`founders.${i}.role`]} />
          </>
        )}
      />
    </FormShell>
  );
}
