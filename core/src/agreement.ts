import { z } from 'zod';
import { Id, IsoDate, Timestamps } from './common.ts';
import { firstDuplicate } from './shares.ts';

export const AgreementType = z.enum([
  'research_partnership',
  'licence',
  'option',
  'assignment',
  'co_ownership',
  'nda',
  'mta',
  'startup_patent_use',
]);
export type AgreementType = z.infer<typeof AgreementType>;

export const AgreementStatus = z.enum(['draft', 'negotiation', 'signed', 'expired', 'terminated']);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const PartyRole = z.enum(['institution', 'partner', 'licensor', 'licensee', 'co_owner', 'funder']);
export type PartyRole = z.infer<typeof PartyRole>;

export const PartyInput = z.object({ organisationId: Id, role: PartyRole }).strict();

/** Statuses that mean the agreement was signed at some point, so its signature date is known. */
const SIGNED_STATUSES: readonly AgreementStatus[] = ['signed', 'expired', 'terminated'];

/** Types whose terms grant rights of use: only they carry exclusivity, a field of use and a territory. */
const TYPES_WITH_USE_TERMS: readonly AgreementType[] = ['licence', 'option', 'startup_patent_use'];

export function hasUseTerms(type: AgreementType): boolean {
  return TYPES_WITH_USE_TERMS.includes(type);
}

const agreementFields = {
  reference: z.string().trim().min(1).max(40).nullable().default(null),
  type: AgreementType,
  title: z.string().trim().min(1, { error: 'is required' }).max(300),
  status: AgreementStatus.default('draft'),
  schoolId: Id.nullable().default(null),
  signedOn: IsoDate.nullable().default(null),
  startsOn: IsoDate.nullable().default(null),
  endsOn: IsoDate.nullable().default(null),
  /** Licences and options: exclusivity, field of use and territory. */
  exclusive: z.boolean().nullable().default(null),
  field: z.string().trim().max(300).nullable().default(null),
  territory: z.string().trim().max(120).nullable().default(null),
  /** Contract amount in euros excluding tax, for partnership research (Carnot top-up base). */
  amountEur: z.number().nonnegative().nullable().default(null),
};

export const AgreementInput = z
  .object({
    ...agreementFields,
    parties: z.array(PartyInput).min(1, { error: 'needs at least one party' }),
    assetIds: z.array(Id).default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    const duplicate = firstDuplicate(value.parties.map((party) => party.organisationId));
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['parties'], message: `lists organisation ${duplicate} twice` });
    }
    const duplicateAsset = firstDuplicate(value.assetIds);
    if (duplicateAsset !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['assetIds'], message: `lists asset ${duplicateAsset} twice` });
    }
    if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
    }
    if (SIGNED_STATUSES.includes(value.status) && value.signedOn === null) {
      ctx.addIssue({ code: 'custom', path: ['signedOn'], message: `is required when the status is ${value.status}` });
    }
    if (!hasUseTerms(value.type)) {
      for (const term of ['exclusive', 'field', 'territory'] as const) {
        if (value[term] !== null) {
          ctx.addIssue({ code: 'custom', path: [term], message: 'applies to licences and options only' });
        }
      }
    }
    // Co-ownership (CPI L.613-29 ff.) is an agreement between the co-owners: one party alone owns outright.
    if (value.type === 'co_ownership' && value.parties.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['parties'], message: 'a co-ownership agreement needs at least two parties' });
    }
  });
export type AgreementInput = z.infer<typeof AgreementInput>;

export const Party = z.object({ organisationId: Id, organisationName: z.string(), role: PartyRole });

export const Agreement = z.object({
  id: Id,
  ...agreementFields,
  reference: z.string().nullable(),
  status: AgreementStatus,
  parties: z.array(Party),
  assetIds: z.array(Id),
  ...Timestamps,
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementFilter = z.object({
  type: AgreementType.optional(),
  status: AgreementStatus.optional(),
  partyId: Id.optional(),
  assetId: Id.optional(),
  schoolId: Id.optional(),
});
export type AgreementFilter = z.infer<typeof AgreementFilter>;
