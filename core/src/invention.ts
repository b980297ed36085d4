import { z } from 'zod';
import { Id, IsoDate, Percent, Timestamps } from './common.ts';
import { firstDuplicate, sumsToHundred } from './shares.ts';

/** Where a disclosure stands between the researcher's declaration and its transfer. */
export const InventionStatus = z.enum([
  'draft',
  'submitted',
  'under_assessment',
  'protect',
  'keep_know_how',
  'publish',
  'transferred',
  'abandoned',
]);
export type InventionStatus = z.infer<typeof InventionStatus>;

export const InventorInput = z
  .object({
    personId: Id,
    /** Share of the inventive contribution in %, used for remuneration (CPI R.611-14-1). */
    contribution: Percent,
  })
  .strict();

const inventionFields = {
  reference: z.string().trim().min(1).max(40).nullable().default(null),
  title: z.string().trim().min(1, { error: 'is required' }).max(300),
  summary: z.string().trim().max(20_000).default(''),
  status: InventionStatus.default('draft'),
  schoolId: Id,
  researchUnitId: Id.nullable().default(null),
  /** The research partnership contract the result came from, if any. */
  partnershipAgreementId: Id.nullable().default(null),
  carnotId: Id.nullable().default(null),
  funding: z.string().trim().max(500).nullable().default(null),
  disclosedOn: IsoDate.nullable().default(null),
  decidedOn: IsoDate.nullable().default(null),
};

export const InventionInput = z
  .object({ ...inventionFields, inventors: z.array(InventorInput).min(1, { error: 'needs at least one inventor' }) })
  .strict()
  .superRefine((value, ctx) => {
    const duplicate = firstDuplicate(value.inventors.map((inventor) => inventor.personId));
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['inventors'], message: `lists person ${duplicate} twice` });
    }
    if (value.inventors.length > 0 && !sumsToHundred(value.inventors.map((inventor) => inventor.contribution))) {
      ctx.addIssue({ code: 'custom', path: ['inventors'], message: 'contributions must sum to 100' });
    }
    if (value.disclosedOn && value.decidedOn && value.decidedOn < value.disclosedOn) {
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'must not be before disclosedOn' });
    }
  });
export type InventionInput = z.infer<typeof InventionInput>;

export const Inventor = z.object({
  personId: Id,
  name: z.string(),
  contribution: z.number(),
});
export type Inventor = z.infer<typeof Inventor>;

export const Invention = z.object({
  id: Id,
  ...inventionFields,
  reference: z.string().nullable(),
  summary: z.string(),
  status: InventionStatus,
  schoolName: z.string(),
  inventors: z.array(Inventor),
  ...Timestamps,
});
export type Invention = z.infer<typeof Invention>;

export const InventionFilter = z.object({
  status: InventionStatus.optional(),
  schoolId: Id.optional(),
  inventorId: Id.optional(),
});
export type InventionFilter = z.infer<typeof InventionFilter>;
