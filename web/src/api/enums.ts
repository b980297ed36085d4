import type { AgreementStatus, AgreementType, PartyRole } from '#core/agreement';
import type { ApplicationStatus, AssetKind, AssetStatus, FilingRoute } from '#core/asset';
import type { InventionStatus } from '#core/invention';
import type { CompanyCategory, OrganisationKind } from '#core/organisation';
import type { EmploymentStatus } from '#core/person';
import type { StartupStage } from '#core/startup';
import type { Role } from '#core/user';

/**
 * The values of the API's enumerations, in the order the screens offer them. Each list is written as a
 * record keyed by the core type, so the compiler fails when core adds, renames or drops a value.
 */
function valuesOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const organisationKinds = valuesOf<OrganisationKind>({
  school: true,
  research_unit: true,
  institution: true,
  carnot: true,
  incubator: true,
  company: true,
  public_body: true,
  other: true,
});
export const companyCategories = valuesOf<CompanyCategory>({ startup: true, pme: true, eti: true, large: true });
export const employmentStatuses = valuesOf<EmploymentStatus>({ public_employee: true, private_employee: true, student: true, external: true });
export const inventionStatuses = valuesOf<InventionStatus>({
  draft: true,
  submitted: true,
  under_assessment: true,
  protect: true,
  keep_know_how: true,
  publish: true,
  transferred: true,
  abandoned: true,
});
export const assetKinds = valuesOf<AssetKind>({ patent_family: true, software: true, know_how: true });
export const assetStatuses = valuesOf<AssetStatus>({ pending: true, active: true, granted: true, lapsed: true, abandoned: true, transferred: true });
export const applicationStatuses = valuesOf<ApplicationStatus>({
  filed: true,
  published: true,
  granted: true,
  refused: true,
  withdrawn: true,
  lapsed: true,
  abandoned: true,
});
export const filingRoutes = valuesOf<FilingRoute>({ national: true, pct: true, ep_direct: true, euro_pct: true, pct_national_phase: true });
export const agreementTypes = valuesOf<AgreementType>({
  research_partnership: true,
  licence: true,
  option: true,
  assignment: true,
  co_ownership: true,
  nda: true,
  mta: true,
  startup_patent_use: true,
});
export const agreementStatuses = valuesOf<AgreementStatus>({ draft: true, negotiation: true, signed: true, expired: true, terminated: true });
export const partyRoles = valuesOf<PartyRole>({ institution: true, partner: true, licensor: true, licensee: true, co_owner: true, funder: true });
export const startupStages = valuesOf<StartupStage>({ project: true, incubated: true, created: true, closed: true, acquired: true });
export const roles = valuesOf<Role>({ admin: true, officer: true, researcher: true, partner: true, reader: true });

/** The offices a family's applications are most often filed at; any two-letter code is accepted. */
export const commonOffices = ['FR', 'EP', 'WO', 'US', 'CN', 'JP', 'KR', 'DE', 'GB', 'CA'];
