import type { ApplicationInput, Asset, AssetStatus, FamilyInput } from '#core/asset';
import { assetStatuses } from '../../api/enums.ts';
import { numberOrNull, orNull, useRecordForm } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormShell } from '../../ui/FormShell.tsx';
import { RowsFieldset } from '../../ui/RowsFieldset.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { ShareTotal } from '../../ui/ShareTotal.tsx';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { LinkPicker } from '../directory/LinkPicker.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import { ApplicationFields } from './ApplicationFields.tsx';

interface OwnerRow {
  organisationId: string | null;
  organisationName?: string;
  share: number | null;
}
type Draft = Omit<FamilyInput, 'kind' | 'owners' | 'schoolId'> & { schoolId: string; owners: OwnerRow[] };

const labels: Record<string, MessageKey> = {
  title: 'common.title',
  reference: 'common.reference',
  status: 'common.status',
  schoolId: 'common.school',
  inventionId: 'family.invention',
  familyId: 'family.docdbFamily',
  ownershipAgreementId: 'family.ownershipAgreement',
  owners: 'family.owners',
  organisationId: 'family.owner',
  share: 'family.share',
  applications: 'family.applications',
  office: 'family.office',
  applicationNumber: 'family.applicationNumber',
  filingDate: 'family.filingDate',
  route: 'family.route',
  grantNumber: 'family.grantNumber',
  grantDate: 'family.grantDate',
  priorities: 'family.priorities',
  publications: 'family.publications',
  number: 'family.number',
  kind: 'family.kindCode',
  date: 'family.date',
  country: 'family.priorityCountry',
};

const newApplication = (): ApplicationInput => ({ office: 'FR', applicationNumber: '', filingDate: '', route: 'national', status: 'filed', grantNumber: null, grantDate: null, priorities: [], publications: [] });

function draftOf(family: Asset | null): Draft {
  if (!family) {
    return { title: '', reference: null, status: 'pending', schoolId: '', inventionId: null, familyId: null, depositReference: null, depositDate: null, ownershipAgreementId: null, owners: [{ organisationId: null, share: 100 }], applications: [newApplication()] };
  }
  const { title, reference, status, schoolId, inventionId, familyId, depositReference, depositDate, ownershipAgreementId } = family;
  return {
    title, reference, status, schoolId, inventionId, familyId, depositReference, depositDate, ownershipAgreementId,
    owners: family.owners.map(({ organisationId, organisationName, share }) => ({ organisationId, organisationName, share })),
    // The API takes applications without their id and history; it matches them by office and number.
    applications: family.applications.map(({ id: _id, statusHistory: _history, ...application }) => application),
  };
}

function toInput(draft: Draft) {
  return { ...draft, owners: draft.owners.map(({ organisationId, share }) => ({ organisationId, share })) };
}

export function FamilyForm({ family }: { family: Asset | null }) {
  const t = useT();
  const schools = useSchoolOptions();
  const form = useRecordForm<Draft>({ path: '/api/families', id: family?.id ?? null, initial: draftOf(family), labels, t, toInput });
  const { values, set, errors } = form;
  const setOwner = (index: number, change: Partial<OwnerRow>) => set('owners', values.owners.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <FormShell title={family ? t('family.edit', { title: family.title }) : t('family.new')} {...form.shell}>
      <div className="form-grid">
        <TextField path="title" label={t('common.title')} value={values.title} onChange={(v) => set('title', v)} required error={errors.title} className="span-2" />
        <TextField path="reference" label={t('common.reference')} value={values.reference ?? ''} onChange={(v) => set('reference', orNull(v))} error={errors.reference} />
        <SelectField path="status" label={t('common.status')} value={values.status} options={enumOptions(t, 'assetStatus', assetStatuses)} onChange={(v) => set('status', v as AssetStatus)} required error={errors.status} />
        <SelectField path="schoolId" label={t('common.school')} value={values.schoolId} emptyLabel={t('form.choose')} options={schools} onChange={(v) => set('schoolId', v)} required error={errors.schoolId} />
        <LinkPicker kind="invention" path="inventionId" label={t('family.invention')} value={values.inventionId} onChange={(id) => set('inventionId', id)} error={errors.inventionId} />
        <TextField path="familyId" label={t('family.docdbFamily')} value={values.familyId ?? ''} onChange={(v) => set('familyId', orNull(v))} error={errors.familyId} />
        <LinkPicker kind="agreement" path="ownershipAgreementId" label={t('family.ownershipAgreement')} value={values.ownershipAgreementId} onChange={(id) => set('ownershipAgreementId', id)} error={errors.ownershipAgreementId} />
      </div>
      <RowsFieldset
        path="owners"
        legend={t('family.owners')}
        required
        rows={values.owners}
        error={errors.owners}
        addLabel={t('family.addOwner')}
        removeLabel={(n) => t('family.removeOwner', { n })}
        onAdd={() => set('owners', [...values.owners, { organisationId: null, share: null }])}
        onRemove={(index) => set('owners', values.owners.filter((_, i) => i !== index))}
        renderRow={(row, i) => (
          <>
            <OrganisationPicker path={`owners.${i}.organisationId`} label={t('family.owner')} value={row.organisationId} valueLabel={row.organisationName} onChange={(id, name) => setOwner(i, { organisationId: id, organisationName: name })} required error={errors[`owners.${i}.organisationId`]} />
            <TextField path={`owners.${i}.share`} type="number" step="0.01" min="0" max="100" label={t('family.sharePercent')} value={row.share === null ? '' : String(row.share)} onChange={(v) => setOwner(i, { share: numberOrNull(v) })} required error={errors[`owners.${i}.share`]} />
          </>
        )}
      />
      <ShareTotal values={values.owners.map((row) => row.share)} />
      <RowsFieldset
        path="applications"
        legend={t('family.applications')}
        rows={values.applications}
        error={errors.applications}
        addLabel={t('family.addApplication')}
        removeLabel={(n) => t('family.removeApplication', { n })}
        onAdd={() => set('applications', [...values.applications, newApplication()])}
        onRemove={(index) => set('applications', values.applications.filter((_, i) => i !== index))}
        renderRow={(application, i) => (
          <ApplicationFields path={`applications.${i}`} application={application} errors={errors} onChange={(next) => set('applications', values.applications.map((old, j) => (j === i ? next : old)))} />
        )}
      />
    </FormShell>
  );
}
