import { z } from 'zod';

/**
 * The normalised publication record every patent-office reader yields (INPI, EPO publication server,
 * OPS, DOCDB, USPTO, CSV exports). Dates are YYYY-MM-DD; a value the source does not give is null.
 */
export const NameFormat = z.enum(['docdb', 'docdba', 'epodoc', 'original', 'standard']);
export type NameFormat = z.infer<typeof NameFormat>;

export const PartyName = z.object({
  /** 1 is the first-named party. */
  sequence: z.number().int().nullable(),
  name: z.string(),
  format: NameFormat,
  /** Residence country (ISO 3166 alpha-2), e.g. from an epodoc "[FR]" suffix or a residence element. */
  country: z.string().nullable(),
  /** INPI gives legal entities' SIREN in `iid`. */
  identifier: z.string().nullable().optional(),
});
export type PartyName = z.infer<typeof PartyName>;

export const PriorityClaimRecord = z.object({
  country: z.string().nullable(),
  number: z.string(),
  date: z.string().nullable(),
  /** The numbering `number` is written in, when the source says: `docdb`, `epodoc` or `original`. */
  format: z.enum(['docdb', 'epodoc', 'original']).optional(),
});

export const LegalEventRecord = z.object({
  code: z.string(),
  date: z.string().nullable(),
  description: z.string().nullable(),
  /** A state the event applies to (e.g. lapse in DE), when given. */
  country: z.string().nullable(),
  /** The date the event takes effect (for a fee, the day it was paid); `date` is the gazette's. */
  effectiveDate: z.string().nullable().optional(),
  /** The free text the office adds (e.g. the reason for a lapse). */
  text: z.string().nullable().optional(),
  /** The patent year an annual fee paid to a national office is for (INPADOC PGFP). */
  feeYear: z.number().int().nullable().optional(),
});

export const ProceduralStepRecord = z.object({
  code: z.string(),
  description: z.string().nullable(),
  date: z.string().nullable(),
  /** e.g. the patent year of a renewal fee payment. */
  year: z.number().int().nullable(),
  /** Every date of the step with its kind (DATE_OF_DISPATCH, DATE_OF_REPLY, DATE_OF_PAYMENT…); `date` is the first. */
  dates: z.array(z.object({ type: z.string(), date: z.string().nullable() })).optional(),
  /** The period set for a reply, e.g. 4 months for a communication of the examining division. */
  timeLimit: z.object({ value: z.number().int(), unit: z.string() }).nullable().optional(),
});

export const PublicationRecord = z.object({
  source: z.enum(['inpi', 'ep-publication', 'ops', 'docdb', 'uspto-grant', 'uspto-assignment', 'uspto-odp', 'espacenet-csv', 'lens-csv']),
  country: z.string(),
  number: z.string(),
  kind: z.string().nullable(),
  publicationDate: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  filingDate: z.string().nullable(),
  familyId: z.string().nullable(),
  priorities: z.array(PriorityClaimRecord),
  titles: z.array(z.object({ lang: z.string().nullable(), text: z.string() })),
  applicants: z.array(PartyName),
  inventors: z.array(PartyName),
  /**
   * The holders a source names apart from its applicants, as of its date: INPI's current owners
   * (`fr-owners`), a US grant's assignees at issue, a Lens export's owners. Rankings count applicants;
   * owners say who holds the right now. Absent when the source names none.
   */
  owners: z.array(PartyName).optional(),
  classifications: z.array(z.object({ scheme: z.string(), code: z.string() })),
  legalEvents: z.array(LegalEventRecord),
  proceduralSteps: z.array(ProceduralStepRecord),
});
export type PublicationRecord = z.infer<typeof PublicationRecord>;
