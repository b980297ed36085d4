import { z } from 'zod';
import { Email, Id, IsoDate, Timestamps } from './common.ts';

/**
 * Employment status decides which rules apply to an invention: public employees fall under CPI R.611-14-1
 * (remuneration), private-law employees under CPI L.611-7 (classification periods).
 */
export const EmploymentStatus = z.enum(['public_employee', 'private_employee', 'student', 'external']);
export type EmploymentStatus = z.infer<typeof EmploymentStatus>;

export const AffiliationInput = z
  .object({
    organisationId: Id,
    title: z.string().trim().max(120).nullable().default(null),
    startDate: IsoDate,
    endDate: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'must not be before startDate',
  });
export type AffiliationInput = z.infer<typeof AffiliationInput>;

const personFields = {
  firstName: z.string().trim().min(1, { error: 'is required' }).max(120),
  lastName: z.string().trim().min(1, { error: 'is required' }).max(120),
  email: Email.nullable().default(null),
  employmentStatus: EmploymentStatus,
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, { error: 'must be an ORCID iD 0000-0000-0000-0000' })
    .nullable()
    .default(null),
};

export const PersonInput = z.object({ ...personFields, affiliations: z.array(AffiliationInput).default([]) }).strict();
export type PersonInput = z.infer<typeof PersonInput>;

export const Affiliation = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  title: z.string().nullable(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
});
export type Affiliation = z.infer<typeof Affiliation>;

export const Person = z.object({ id: Id, ...personFields, affiliations: z.array(Affiliation), ...Timestamps });
export type Person = z.infer<typeof Person>;

export const PersonFilter = z.object({
  organisationId: Id.optional(),
  employmentStatus: EmploymentStatus.optional(),
});
export type PersonFilter = z.infer<typeof PersonFilter>;
