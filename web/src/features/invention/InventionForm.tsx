import type { Invention, InventionInput, InventionStatus } from '#core/invention';
import { inventionStatuses } from '../../api/enums.ts';
import { numberOrNull, orNull, useRecordForm } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { FormShell } from '../../ui/FormShell.tsx';
import { RowsFieldset } from '../../ui/RowsFieldset.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { ShareTotal } from '../../ui/ShareTotal.tsx';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { LinkPicker } from '../directory/LinkPicker.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import { PersonPicker } from '../directory/PersonPicker.tsx';

interface InventorRow {
  personId: string | null;
  name?: string;
  contribution: number | null;
}
type Draft = Omit<InventionInput, 'inventors' | 'schoolId'> & { schoolId: string; inventors: InventorRow[] };

const labels: Record<string, MessageKey> = {
  reference: 'common.reference',
  title: 'common.title',
  summary: 'invention.summary',
  status: 'common.status',
  schoolId: 'common.school',
  researchUnitId: 'invention.researchUnit',
  partnershipAgreementId: 'invention.partnershipAgreement',
  carnotId: 'invention.carnot',
  funding: 'invention.funding',
  disclosedOn: 'invention.disclosedOn',
  decidedOn: 'invention.decidedOn',
  inventors: 'invention.inventors',
  personId: 'invention.inventor',
  contribution: 'invention.contribution',
};

function draftOf(invention: Invention | null): Draft {
  if (!invention) {
    return { reference: null, title: '', summary: '', status: 'draft', schoolId: '', researchUnitId: null, partnershipAgreementId: null, carnotId: null, funding: null, disclosedOn: null, decidedOn: null, inventors: [{ personId: null, contribution: 100 }] };
  }
  const { id: _id, createdAt: _c, updatedAt: _u, schoolName: _s, inventors, ...input } = invention;
  return { ...input, inventors: inventors.map(({ personId, name, contribution }) => ({ personId, name, contribution })) };
}

function toInput(draft: Draft) {
  return { ...draft, inventors: draft.inventors.map(({ personId, contribution }) => ({ personId, contribution })) };
}

export function InventionForm({ invention }: { invention: Invention | null }) {
  const t = useT();
  const schools = useSchoolOptions();
  const form = useRecordForm<Draft>({ path: '/api/inventions', id: invention?.id ?? null, initial: draftOf(invention), labels, t, toInput });
  const { values, set, errors } = form;
  const setRow = (index: number, change: Partial<InventorRow>) => set('inventors', values.inventors.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <FormShell title={invention ? t('invention.edit', { title: invention.title }) : t('invention.new')} {...form.shell}>
      <div className="form-grid">
        <TextField path="title" label={t('common.title')} value={values.title} onChange={(v) => set('title', v)} required error={errors.title} className="span-2" />
        <TextField path="reference" label={t('common.reference')} value={values.reference ?? ''} onChange={(v) => set('reference', orNull(v))} error={errors.reference} />
        <SelectField path="status" label={t('common.status')} value={values.status} options={enumOptions(t, 'inventionStatus', inventionStatuses)} onChange={(v) => set('status', v as InventionStatus)} required error={errors.status} />
        <SelectField path="schoolId" label={t('common.school')} value={values.schoolId} emptyLabel={t('form.choose')} options={schools} onChange={(v) => set('schoolId', v)} required error={errors.schoolId} />
        <OrganisationPicker path="researchUnitId" kind="research_unit" label={t('invention.researchUnit')} value={values.researchUnitId} onChange={(id) => set('researchUnitId', id)} error={errors.researchUnitId} />
        <OrganisationPicker path="carnotId" kind="carnot" label={t('invention.carnot')} value={values.carnotId} onChange={(id) => set('carnotId', id)} error={errors.carnotId} />
        <LinkPicker kind="agreement" path="partnershipAgreementId" label={t('invention.partnershipAgreement')} value={values.partnershipAgreementId} onChange={(id) => set('partnershipAgreementId', id)} error={errors.partnershipAgreementId} />
        <TextField path="funding" label={t('invention.funding')} value={values.funding ?? ''} onChange={(v) => set('funding', orNull(v))} error={errors.funding} />
        <TextField path="disclosedOn" type="date" label={t('invention.disclosedOn')} value={values.disclosedOn ?? ''} onChange={(v) => set('disclosedOn', orNull(v))} error={errors.disclosedOn} />
        <TextField path="decidedOn" type="date" label={t('invention.decidedOn')} value={values.decidedOn ?? ''} onChange={(v) => set('decidedOn', orNull(v))} error={errors.decidedOn} />
        <TextAreaField path="summary" label={t('invention.summary')} value={values.summary} onChange={(v) => set('summary', v)} error={errors.summary} className="span-2" />
      </div>
      <RowsFieldset
        path="inventors"
        legend={t('invention.inventors')}
        required
        rows={values.inventors}
        error={errors.inventors}
        addLabel={t('invention.addInventor')}
        removeLabel={(n) => t('invention.removeInventor', { n })}
        onAdd={() => set('inventors', [...values.inventors, { personId: null, contribution: null }])}
        onRemove={(index) => set('inventors', values.inventors.filter((_, i) => i !== index))}
        renderRow={(row, i) => (
          <>
            <PersonPicker path={`inventors.${i}.personId`} label={t('invention.inventor')} value={row.personId} valueLabel={row.name} onChange={(id, name) => setRow(i, { personId: id, name })} required error={errors[`inventors.${i}.personId`]} />
            <TextField path={`inventors.${i}.contribution`} type="number" step="0.01" min="0" max="100" label={t('invention.contributionPercent')} value={row.contribution === null ? '' : String(row.contribution)} onChange={(v) => setRow(i, { contribution: numberOrNull(v) })} required error={errors[`inventors.${i}.contribution`]} />
          </>
        )}
      />
      <ShareTotal values={values.inventors.map((row) => row.contribution)} />
    </FormShell>
  );
}
