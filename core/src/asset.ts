import { z } from 'zod';
import { Country, Id, IsoDate, Percent, Timestamps } from './common.ts';
import { firstDuplicate, sumsToHundred } from './shares.ts';

/** An IP asset: a patent family, a software deposit or confidential know-how. */
export const AssetKind = z.enum(['patent_family', 'software', 'know_how']);
export type AssetKind = z.infer<typeof AssetKind>;

export const AssetStatus = z.enum(['active', 'pending', 'granted', 'lapsed', 'abandoned', 'transferred']);
export type AssetStatus = z.infer<typeof AssetStatus>;

export const ApplicationStatus = z.enum([
  'filed',
  'published',
  'granted',
  'refused',
  'withdrawn',
  'lapsed',
  'abandoned',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** How an application reached its office: a direct filing, a PCT application, or a PCT national/regional phase. */
export const FilingRoute = z.enum(['national', 'pct', 'ep_direct', 'euro_pct', 'pct_national_phase']);
export type FilingRoute = z.infer<typeof FilingRoute>;

/**
 * Application, publication, priority and grant numbers are kept in the office's own form (slashes, dots and
 * check digits stay: "PCT/FR2020/050123", "10167123.4") but upper-case and without spaces, so a number typed
 * as "fr 2001 234" is stored, compared and searched as "FR2001234".
 */
export function normalisePatentNumber(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/gu, '');
}

const PatentNumber = z.string().overwrite(normalisePatentNumber).min(1, { error: 'is required' }).max(40);

/** Kind codes of the offices Valo knows (WIPO ST.16 as each office uses it). */
export const KindCode = z.string().regex(/^[A-Z]\d?$/, { error: 'must be a kind code such as A1, B1, A' });

export const PriorityClaim = z
  .object({ country: Country, number: PatentNumber, date: IsoDate })
  .strict();
export type PriorityClaim = z.infer<typeof PriorityClaim>;

export const PublicationInput = z
  .object({ number: PatentNumber, kind: KindCode, date: IsoDate })
  .strict();
export type PublicationInput = z.infer<typeof PublicationInput>;

export const StatusEvent = z.object({ status: ApplicationStatus, date: IsoDate, note: z.string().nullable() });
export type StatusEvent = z.infer<typeof StatusEvent>;

const applicationFields = {
  office: Country,
  applicationNumber: PatentNumber,
  filingDate: IsoDate,
  route: FilingRoute.default('national'),
  status: ApplicationStatus.default('filed'),
  grantNumber: PatentNumber.nullable().default(null),
  grantDate: IsoDate.nullable().default(null),
};

export const ApplicationInput = z
  .object({
    ...applicationFields,
    priorities: z.array(PriorityClaim).default([]),
    publications: z.array(PublicationInput).default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.publications.forEach((publication, index) => {
      if (publication.date < value.filingDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['publications', index, 'date'],
          message: `must not be before the filing date ${value.filingDate}`,
        });
      }
    });
    value.priorities.forEach((priority, index) => {
      if (priority.date > value.filingDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['priorities', index, 'date'],
          message: `must not be after the filing date ${value.filingDate}`,
        });
      }
    });
    const duplicatePublication = firstDuplicate(value.publications.map((publication) => `${publication.number} ${publication.kind}`));
    if (duplicatePublication !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['publications'], message: `lists publication ${duplicatePublication} twice` });
    }
    if (value.grantDate !== null && value.grantDate < value.filingDate) {
      ctx.addIssue({ code: 'custom', path: ['grantDate'], message: `must not be before the filing date ${value.filingDate}` });
    }
  });
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const Application = z.object({
  id: Id,
  ...applicationFields,
  route: FilingRoute,
  status: ApplicationStatus,
  priorities: z.array(PriorityClaim),
  publications: z.array(PublicationInput),
  statusHistory: z.array(StatusEvent),
});
export type Application = z.infer<typeof Application>;

export const OwnershipShareInput = z
  .object({
    organisationId: Id,
    share: Percent,
  })
  .strict();

export const OwnershipShare = z.object({ organisationId: Id, organisationName: z.string(), share: z.number() });

const assetFields = {
  kind: AssetKind,
  reference: z.string().trim().min(1).max(40).nullable().default(null),
  title: z.string().trim().min(1, { error: 'is required' }).max(300),
  status: AssetStatus.default('active'),
  schoolId: Id,
  inventionId: Id.nullable().default(null),
  /** DOCDB simple family id, when known. */
  familyId: z.string().trim().max(20).nullable().default(null),
  /** Software: the deposit reference (e.g. an APP deposit number) and date. */
  depositReference: z.string().trim().max(80).nullable().default(null),
  depositDate: IsoDate.nullable().default(null),
  /** The agreement that sets the co-owner shares, if any. */
  ownershipAgreementId: Id.nullable().default(null),
};

const assetInputFields = {
  ...assetFields,
  owners: z.array(OwnershipShareInput).min(1, { error: 'needs at least one owner' }),
  applications: z.array(ApplicationInput).default([]),
};

function checkAsset(
  value: { kind: AssetKind; owners: { organisationId: string; share: number }[]; applications: ApplicationInput[] },
  ctx: z.RefinementCtx,
): void {
  const duplicateOwner = firstDuplicate(value.owners.map((owner) => owner.organisationId));
  if (duplicateOwner !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['owners'], message: `lists organisation ${duplicateOwner} twice` });
  }
  if (value.owners.length > 0 && !sumsToHundred(value.owners.map((owner) => owner.share))) {
    ctx.addIssue({ code: 'custom', path: ['owners'], message: 'shares must sum to 100' });
  }
  const duplicateApplication = firstDuplicate(
    value.applications.map((application) => `${application.office} ${application.applicationNumber}`),
  );
  if (duplicateApplication !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['applications'], message: `lists application ${duplicateApplication} twice` });
  }
  if (value.kind !== 'patent_family' && value.applications.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['applications'], message: 'apply to patent families only' });
  }
}

export const AssetInput = z.object(assetInputFields).strict().superRefine(checkAsset);
export type AssetInput = z.infer<typeof AssetInput>;

/** A patent family as `/api/families` takes it: an asset whose kind is patent_family, which may be left out. */
export const FamilyInput = z
  .object({ ...assetInputFields, kind: z.literal('patent_family', { error: 'must be patent_family' }).default('patent_family') })
  .strict()
  .superRefine(checkAsset);
export type FamilyInput = z.infer<typeof FamilyInput>;

export const Asset = z.object({
  id: Id,
  ...assetFields,
  reference: z.string().nullable(),
  status: AssetStatus,
  schoolName: z.string(),
  owners: z.array(OwnershipShare),
  applications: z.array(Application),
  /** Earliest filing date among the applications (the priority date of the family). */
  firstFilingDate: IsoDate.nullable(),
  ...Timestamps,
});
export type Asset = z.infer<typeof Asset>;

export const AssetFilter = z.object({
  kind: AssetKind.optional(),
  status: AssetStatus.optional(),
  schoolId: Id.optional(),
  inventionId: Id.optional(),
  office: Country.optional(),
  ownerId: Id.optional(),
});
export type AssetFilter = z.infer<typeof AssetFilter>;
