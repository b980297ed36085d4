import { z } from 'zod';
import { Country, Id, Timestamps } from './common.ts';

export const OrganisationKind = z.enum([
  'institution',
  'school',
  'research_unit',
  'carnot',
  'incubator',
  'company',
  'public_body',
  'other',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Company size categories as INPI and the Carnot programme use them (PME < 250 staff, < €50 M turnover). */
export const CompanyCategory = z.enum(['large', 'eti', 'pme', 'startup']);
export type CompanyCategory = z.infer<typeof CompanyCategory>;

const Siren = z.string().regex(/^\d{9}$/, { error: 'must be 9 digits (SIREN)' });
const Rnsr = z.string().regex(/^\d{9}[A-Z]$/, { error: 'must be 9 digits and a letter (RNSR)' });
const Ror = z.string().regex(/^0[a-z0-9]{6}\d{2}$/, { error: 'must be a ROR id such as 05f82e368' });

const organisationFields = {
  kind: OrganisationKind,
  name: z.string().trim().min(1, { error: 'is required' }).max(300),
  shortName: z.string().trim().max(60).nullable().default(null),
  parentId: Id.nullable().default(null),
  companyCategory: CompanyCategory.nullable().default(null),
  /** For a research unit: the organisation acting as mandataire unique (Code de la recherche L.533-1). */
  mandataireId: Id.nullable().default(null),
  siren: Siren.nullable().default(null),
  rnsr: Rnsr.nullable().default(null),
  ror: Ror.nullable().default(null),
  country: Country.nullable().default('FR'),
  city: z.string().trim().max(120).nullable().default(null),
};

function checkOrganisation(value: { kind: OrganisationKind; companyCategory: CompanyCategory | null }, ctx: z.RefinementCtx) {
  if (value.kind === 'company' && value.companyCategory === null) {
    ctx.addIssue({ code: 'custom', path: ['companyCategory'], message: 'is required for a company' });
  }
  if (value.kind !== 'company' && value.companyCategory !== null) {
    ctx.addIssue({ code: 'custom', path: ['companyCategory'], message: 'applies to companies only' });
  }
}

export const OrganisationInput = z.object(organisationFields).strict().superRefine(checkOrganisation);
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const Organisation = z.object({ id: Id, ...organisationFields, ...Timestamps });
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationFilter = z.object({
  kind: OrganisationKind.optional(),
  companyCategory: CompanyCategory.optional(),
  parentId: Id.optional(),
});
