import type { Agreement, AgreementInput, AgreementStatus, AgreementType, PartyRole } from '#core/agreement';
import { agreementStatuses, agreementTypes, partyRoles } from '../../api/enums.ts';
import { numberOrNull, orNull, useRecordForm } from '../../api/use-record-form.ts';
import { enumOptions } from '../../i18n/enum-options.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormShell } from '../../ui/FormShell.tsx';
import { RowsFieldset } from '../../ui/RowsFieldset.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { useSchoolOptions } from '../directory/directory-api.ts';
import { LinkPicker } from '../directory/LinkPicker.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';

interface PartyRow {
  organisationId: string | null;
  organisationName?: string;
  role: PartyRole | '';
}
type Draft = Omit<AgreementInput, 'type' | 'parties' | 'assetIds'> & { type: AgreementType | ''; parties: PartyRow[]; assetIds: (string | null)[] };

const labels: Record<string, MessageKey> = {
  reference: 'common.reference',
  title: 'common.title',
  type: 'agreement.type',
  status: 'common.status',
  schoolId: 'common.school',
  signedOn: 'agreement.signedOn',
  startsOn: 'agreement.startsOn',
  endsOn: 'agreement.endsOn',
  exclusive: 'agreement.exclusive',
  field: 'agreement.field',
  territory: 'agreement.territory',
  amountEur: 'agreement.amountEur',
  parties: 'agreement.parties',
  organisationId: 'agreement.party',
  role: 'agreement.role',
  assetIds: 'agreement.assets',
};

function draftOf(agreement: Agreement | null): Draft {
  if (!agreement) {
    return { reference: null, title: '', type: '', status: 'draft', schoolId: null, signedOn: null, startsOn: null, endsOn: null, exclusive: null, field: null, territory: null, amountEur: null, parties: [{ organisationId: null, role: '' }], assetIds: [] };
  }
  const { id: _id, createdAt: _c, updatedAt: _u, parties, ...input } = agreement;
  return { ...input, parties: parties.map(({ organisationId, organisationName, role }) => ({ organisationId, organisationName, role })) };
}

function toInput(draft: Draft) {
  return { ...draft, parties: draft.parties.map(({ organisationId, role }) => ({ organisationId, role })) };
}

export function AgreementForm({ agreement }: { agreement: Agreement | null }) {
  const t = useT();
  const schools = useSchoolOptions();
  const form = useRecordForm<Draft>({ path: '/api/agreements', id: agreement?.id ?? null, initial: draftOf(agreement), labels, t, toInput });
  const { values, set, errors } = form;
  const setParty = (index: number, change: Partial<PartyRow>) => set('parties', values.parties.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const text = (field: 'field' | 'territory' | 'reference') => (
    <TextField path={field} label={t(labels[field] ?? 'common.title')} value={values[field] ?? ''} onChange={(v) => set(field, orNull(v))} error={errors[field]} />
  );
  const date = (field: 'signedOn' | 'startsOn' | 'endsOn') => (
    <TextField path={field} type="date" label={t(labels[field] ?? 'common.title')} value={values[field] ?? ''} onChange={(v) => set(field, orNull(v))} error={errors[field]} />
  );

  return (
    <FormShell title={agreement ? t('agreement.edit', { title: agreement.title }) : t('agreement.new')} {...form.shell}>
      <div className="form-grid">
        <TextField path="title" label={t('common.title')} value={values.title} onChange={(v) => set('title', v)} required error={errors.title} className="span-2" />
        {text('reference')}
        <SelectField path="type" label={t('agreement.type')} value={values.type} emptyLabel={t('form.choose')} options={enumOptions(t, 'agreementType', agreementTypes)} onChange={(v) => set('type', v as AgreementType)} required error={errors.type} />
        <SelectField path="status" label={t('common.status')} value={values.status} options={enumOptions(t, 'agreementStatus', agreementStatuses)} onChange={(v) => set('status', v as AgreementStatus)} required error={errors.status} />
        <SelectField path="schoolId" label={t('common.school')} value={values.schoolId ?? ''} emptyLabel={t('form.none')} options={schools} onChange={(v) => set('schoolId', orNull(v))} error={errors.schoolId} />
        {date('signedOn')}
        {date('startsOn')}
        {date('endsOn')}
        <SelectField
          path="exclusive"
          label={t('agreement.exclusive')}
          value={values.exclusive === null ? '' : String(values.exclusive)}
          emptyLabel={t('form.notApplicable')}
          options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]}
          onChange={(v) => set('exclusive', v === '' ? null : v === 'true')}
          error={errors.exclusive}
        />
        {text('field')}
        {text('territory')}
        <TextField path="amountEur" type="number" step="0.01" min="0" label={t('agreement.amountEur')} value={values.amountEur === null ? '' : String(values.amountEur)} onChange={(v) => set('amountEur', numberOrNull(v))} error={errors.amountEur} />
      </div>
      <RowsFieldset
        path="parties"
        legend={t('agreement.parties')}
        required
        rows={values.parties}
        error={errors.parties}
        addLabel={t('agreement.addParty')}
        removeLabel={(n) => t('agreement.removeParty', { n })}
        onAdd={() => set('parties', [...values.parties, { organisationId: null, role: '' }])}
        onRemove={(index) => set('parties', values.parties.filter((_, i) => i !== index))}
        renderRow={(row, i) => (
          <>
            <OrganisationPicker path={`parties.${i}.organisationId`} label={t('agreement.party')} value={row.organisationId} valueLabel={row.organisationName} onChange={(id, name) => setParty(i, { organisationId: id, organisationName: name })} required error={errors[`parties.${i}.organisationId`]} />
            <SelectField path={`parties.${i}.role`} label={t('agreement.role')} value={row.role} emptyLabel={t('form.choose')} options={enumOptions(t, 'partyRole', partyRoles)} onChange={(v) => setParty(i, { role: v as PartyRole })} required error={errors[`parties.${i}.role`]} />
          </>
        )}
      />
      <RowsFieldset
        path="assetIds"
        legend={t('agreement.assets')}
        rows={values.assetIds}
        error={errors.assetIds}
        addLabel={t('agreement.addAsset')}
        removeLabel={(n) => t('agreement.removeAsset', { n })}
        onAdd={() => set('assetIds', [...values.assetIds, null])}
        onRemove={(index) => set('assetIds', values.assetIds.filter((_, i) => i !== index))}
        renderRow={(assetId, i) => (
          <LinkPicker kind="asset" path={`assetIds.${i}`} label={t('agreement.asset')} value={assetId} onChange={(id) => set('assetIds', values.assetIds.map((old, j) => (j === i ? id : old)))} required error={errors[`assetIds.${i}`]} />
        )}
      />
    </FormShell>
  );
}
