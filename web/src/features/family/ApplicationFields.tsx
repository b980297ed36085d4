import type { ApplicationInput, ApplicationStatus, FilingRoute } from '#core/asset';
import { applicationStatuses, filingRoutes } from '../../api/enums.ts';
import { orNull } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { useT } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/Field.tsx';
import { RowsFieldset } from '../../ui/RowsFieldset.tsx';
import { SelectField } from '../../ui/Select.tsx';

interface ApplicationFieldsProps {
  /** Where this application sits in the body, e.g. `applications.0`. */
  path: string;
  application: ApplicationInput;
  errors: Record<string, string>;
  onChange: (application: ApplicationInput) => void;
}

/** One application of a family: its office, number, dates, route and status, its priority claims and publications. */
export function ApplicationFields({ path, application: a, errors, onChange }: ApplicationFieldsProps) {
  const t = useT();
  const set = (change: Partial<ApplicationInput>) => onChange({ ...a, ...change });
  const at = (field: string) => `${path}.${field}`;
  const upper = (value: string) => value.toUpperCase();

  return (
    <div className="application">
      <div className="form-grid">
        <TextField path={at('office')} label={t('family.office')} hint={t('family.officeHint')} value={a.office} onChange={(v) => set({ office: upper(v) })} required error={errors[at('office')]} />
        <TextField path={at('applicationNumber')} label={t('family.applicationNumber')} value={a.applicationNumber} onChange={(v) => set({ applicationNumber: v })} required error={errors[at('applicationNumber')]} />
        <TextField path={at('filingDate')} type="date" label={t('family.filingDate')} value={a.filingDate} onChange={(v) => set({ filingDate: v })} required error={errors[at('filingDate')]} />
        <SelectField path={at('route')} label={t('family.route')} value={a.route} options={enumOptions(t, 'filingRoute', filingRoutes)} onChange={(v) => set({ route: v as FilingRoute })} required error={errors[at('route')]} />
        <SelectField path={at('status')} label={t('common.status')} value={a.status} options={enumOptions(t, 'applicationStatus', applicationStatuses)} onChange={(v) => set({ status: v as ApplicationStatus })} required error={errors[at('status')]} />
        <TextField path={at('grantNumber')} label={t('family.grantNumber')} value={a.grantNumber ?? ''} onChange={(v) => set({ grantNumber: orNull(v) })} error={errors[at('grantNumber')]} />
        <TextField path={at('grantDate')} type="date" label={t('family.grantDate')} value={a.grantDate ?? ''} onChange={(v) => set({ grantDate: orNull(v) })} error={errors[at('grantDate')]} />
      </div>
      <RowsFieldset
        path={at('priorities')}
        legend={t('family.priorities')}
        rows={a.priorities}
        error={errors[at('priorities')]}
        addLabel={t('family.addPriority')}
        removeLabel={(n) => t('family.removePriority', { n })}
        onAdd={() => set({ priorities: [...a.priorities, { country: 'FR', number: '', date: '' }] })}
        onRemove={(index) => set({ priorities: a.priorities.filter((_, i) => i !== index) })}
        renderRow={(p, i) => {
          const row = (change: Partial<typeof p>) => set({ priorities: a.priorities.map((old, j) => (j === i ? { ...old, ...change } : old)) });
          const field = (name: string) => at(`priorities.${i}.${name}`);
          return (
            <>
              <TextField path={field('country')} label={t('family.priorityCountry')} value={p.country} onChange={(v) => row({ country: upper(v) })} required error={errors[field('country')]} />
              <TextField path={field('number')} label={t('family.priorityNumber')} value={p.number} onChange={(v) => row({ number: v })} required error={errors[field('number')]} />
              <TextField path={field('date')} type="date" label={t('family.priorityDateField')} value={p.date} onChange={(v) => row({ date: v })} required error={errors[field('date')]} />
            </>
          );
        }}
      />
      <RowsFieldset
        path={at('publications')}
        legend={t('family.publications')}
        rows={a.publications}
        error={errors[at('publications')]}
        addLabel={t('family.addPublication')}
        removeLabel={(n) => t('family.removePublication', { n })}
        onAdd={() => set({ publications: [...a.publications, { number: '', kind: 'A1', date: '' }] })}
        onRemove={(index) => set({ publications: a.publications.filter((_, i) => i !== index) })}
        renderRow={(p, i) => {
          const row = (change: Partial<typeof p>) => set({ publications: a.publications.map((old, j) => (j === i ? { ...old, ...change } : old)) });
          const field = (name: string) => at(`publications.${i}.${name}`);
          return (
            <>
              <TextField path={field('number')} label={t('family.publicationNumber')} value={p.number} onChange={(v) => row({ number: v })} required error={errors[field('number')]} />
              <TextField path={field('kind')} label={t('family.kindCode')} hint="A1, B1…" value={p.kind} onChange={(v) => row({ kind: upper(v) })} required error={errors[field('kind')]} />
              <TextField path={field('date')} type="date" label={t('family.publicationDate')} value={p.date} onChange={(v) => row({ date: v })} required error={errors[field('date')]} />
            </>
          );
        }}
      />
    </div>
  );
}
